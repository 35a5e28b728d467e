using System.Globalization;

namespace BaaS.Jobs;

/// <summary>The jobs dashboard's APIs (every DTO is Admin only: <see cref="ValidateIsAdminAttribute"/>).</summary>
internal sealed class JobAdminServices(IBackgroundJobs jobs, JobStore store) : Service
{
    private const int DefaultTake = 50;
    private const int MaxTake = 1000;
    private const int MaxSearch = 200;

    public async Task<QueryResponse<JobSummary>> Get(AdminQueryJobs request)
    {
        var skip = request.Skip ?? 0;
        var take = request.Take ?? DefaultTake;
        if (skip < 0) throw HttpError.Validation(nameof(request.Skip), "OutOfRange", "Skip cannot be negative.");
        if (take is < 1 or > MaxTake) throw HttpError.Validation(nameof(request.Take), "OutOfRange", $"Take must be between 1 and {MaxTake}.");
        if (request.Month is { } month && !DateTime.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            throw HttpError.Validation(nameof(request.Month), "InvalidMonth", $"Month '{month}' is not a month: write it as yyyy-MM, e.g. 2026-11.");
        if (request.CreatedAfter is { } after && request.CreatedBefore is { } before && before <= after)
            throw HttpError.Validation(nameof(request.CreatedBefore), "OutOfRange", "CreatedBefore must be later than CreatedAfter.");
        var search = Blank(request.Search)?.Trim();
        if (search is { Length: > MaxSearch })
            throw HttpError.Validation(nameof(request.Search), "TooLong", $"Search is at most {MaxSearch} characters.");
        var page = await store.QueryAsync(new JobStore.Filter(request.State, Blank(request.Command), Blank(request.Tag), Blank(request.Worker),
            request.Month, skip, take)
        {
            Search = search, CreatedAfter = Utc(request.CreatedAfter), CreatedBefore = Utc(request.CreatedBefore),
        }, CancellationToken).ConfigureAwait(false);
        // A month without an archive holds no jobs.
        return page is { } found
            ? new QueryResponse<JobSummary> { Offset = skip, Total = found.Total, Results = found.Jobs }
            : new QueryResponse<JobSummary> { Offset = skip };
    }

    public async Task<AdminGetJobResponse> Get(AdminGetJob request)
    {
        JobInfo? job;
        if (request.Id is { } id)
        {
            if (id <= 0) throw HttpError.Validation(nameof(request.Id), "OutOfRange", "Id is a job id, above 0.");
            job = await jobs.GetJobAsync(id, CancellationToken).ConfigureAwait(false);
        }
        else if (!string.IsNullOrWhiteSpace(request.RefId))
        {
            job = await jobs.GetJobByRefIdAsync(request.RefId, CancellationToken).ConfigureAwait(false);
        }
        else
        {
            throw HttpError.Validation(nameof(request.Id), "Required", "Give the job's Id or its RefId.");
        }
        return new AdminGetJobResponse
        {
            Job = job ?? throw HttpError.NotFound(request.Id is { } missing ? $"Job {missing} does not exist." : $"No job has RefId '{request.RefId}'."),
        };
    }

    public async Task<AdminGetJobProgressResponse> Get(AdminGetJobProgress request)
    {
        CheckId(request.Id);
        var start = request.LogStart ?? 0;
        if (start < 0) throw HttpError.Validation(nameof(request.LogStart), "OutOfRange", "LogStart cannot be negative.");
        var job = await jobs.GetJobAsync(request.Id, CancellationToken).ConfigureAwait(false)
            ?? throw HttpError.NotFound($"Job {request.Id} does not exist.");
        var log = job.Log ?? "";
        return new AdminGetJobProgressResponse
        {
            Id = job.Id, State = job.State, Progress = job.Progress, Status = job.Status, ErrorMessage = job.ErrorMessage,
            Log = start < log.Length ? log[start..] : "", LogLength = log.Length,
        };
    }

    public async Task<AdminGetJobResponse> Post(AdminCancelJob request)
    {
        CheckId(request.Id);
        return new AdminGetJobResponse { Job = await jobs.CancelJobAsync(request.Id, CancellationToken).ConfigureAwait(false) };
    }

    public async Task<AdminGetJobResponse> Post(AdminRequeueJob request)
    {
        CheckId(request.Id);
        return new AdminGetJobResponse { Job = await jobs.RequeueJobAsync(request.Id, CancellationToken).ConfigureAwait(false) };
    }

    public async Task<AdminRequeueFailedJobsResponse> Post(AdminRequeueFailedJobs request) =>
        new() { Requeued = await store.RequeueFailedAsync(Blank(request.Command), CancellationToken).ConfigureAwait(false) };

    public async Task<AdminQueryJobSchedulesResponse> Get(AdminQueryJobSchedules request) =>
        new() { Results = [.. await jobs.GetSchedulesAsync(CancellationToken).ConfigureAwait(false)] };

    public async Task<AdminJobScheduleResponse> Post(AdminPauseJobSchedule request) =>
        new() { Schedule = await jobs.PauseScheduleAsync(ScheduleName(request.Name), CancellationToken).ConfigureAwait(false) };

    public async Task<AdminJobScheduleResponse> Post(AdminResumeJobSchedule request) =>
        new() { Schedule = await jobs.ResumeScheduleAsync(ScheduleName(request.Name), CancellationToken).ConfigureAwait(false) };

    public async Task<AdminRunJobScheduleResponse> Post(AdminRunJobSchedule request)
    {
        var job = await jobs.RunScheduleNowAsync(ScheduleName(request.Name), CancellationToken).ConfigureAwait(false);
        return new AdminRunJobScheduleResponse { JobId = job.Id, RefId = job.RefId };
    }

    public async Task<EmptyResponse> Post(AdminDeleteJobSchedule request)
    {
        await jobs.DeleteScheduleAsync(ScheduleName(request.Name), CancellationToken).ConfigureAwait(false);
        return new EmptyResponse();
    }

    public async Task<AdminGetJobStatsResponse> Get(AdminGetJobStats request)
    {
        var minutes = request.Minutes ?? 60;
        if (minutes is < 1 or > 1440) throw HttpError.Validation(nameof(request.Minutes), "OutOfRange", "Minutes must be between 1 and 1440.");
        var now = store.Now;
        var thisMinute = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);
        var counts = await store.CountByStateAsync(CancellationToken).ConfigureAwait(false);
        var perMinute = (await store.FinishedPerMinuteAsync(thisMinute.AddMinutes(-minutes), CancellationToken).ConfigureAwait(false))
            .GroupBy(r => r.Minute)
            .Select(g => new JobMinuteStats
            {
                Minute = g.Key,
                Completed = g.Where(r => r.State == JobState.Completed).Sum(r => r.Count),
                Failed = g.Where(r => r.State == JobState.Failed).Sum(r => r.Count),
                Cancelled = g.Where(r => r.State == JobState.Cancelled).Sum(r => r.Count),
            })
            .ToList();
        var lastMinute = perMinute.FirstOrDefault(m => m.Minute == thisMinute.AddMinutes(-1));
        return new AdminGetJobStatsResponse
        {
            Queued = counts[JobState.Queued], Running = counts[JobState.Started], Failed = counts[JobState.Failed],
            Completed = counts[JobState.Completed], Cancelled = counts[JobState.Cancelled],
            CompletedLastMinute = lastMinute?.Completed ?? 0, FailedLastMinute = lastMinute?.Failed ?? 0,
            RunningByNode = await store.RunningByNodeAsync(CancellationToken).ConfigureAwait(false),
            PerMinute = perMinute,
            ArchiveMonths = await store.ArchiveMonthsAsync(CancellationToken).ConfigureAwait(false),
        };
    }

    private static void CheckId(long id)
    {
        if (id <= 0) throw HttpError.Validation("Id", "OutOfRange", "Id is a job id, above 0.");
    }

    private static string ScheduleName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? throw HttpError.Validation("Name", "Required", "Name the recurring job.") : name;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    // A time without a zone is UTC, as the store keeps it; one with a zone arrives converted to UTC already.
    private static DateTime? Utc(DateTime? value) => value is { } v ? DateTime.SpecifyKind(v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : v, DateTimeKind.Utc) : null;
}
