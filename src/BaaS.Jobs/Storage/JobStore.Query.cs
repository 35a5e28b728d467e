using System.Globalization;
using System.Text;
using BaaS.Data;

namespace BaaS.Jobs;

internal sealed partial class JobStore
{
    /// <summary>A job by id, from the live queue or an archive; null when there is none.</summary>
    public async Task<JobInfo?> GetAsync(long id, CancellationToken ct)
    {
        await using var db = await OpenAsync(ct).ConfigureAwait(false);
        return await GetAsync(db, id, ct).ConfigureAwait(false);
    }

    private static async Task<JobInfo?> GetAsync(DataConnection db, long id, CancellationToken ct)
    {
        var live = await db.SqlListAsync<JobRecord>("SELECT * FROM baas_job WHERE id = @id", new { id }, ct).ConfigureAwait(false);
        if (live.Count > 0) return ToInfo(live[0], null);
        foreach (var table in await ArchiveTablesAsync(db, true, ct).ConfigureAwait(false))
        {
            var archived = await db.SqlListAsync<JobRecord>($"SELECT * FROM {db.Dialect.QuoteIdentifier(table)} WHERE id = @id", new { id }, ct)
                .ConfigureAwait(false);
            if (archived.Count > 0) return ToInfo(archived[0], MonthOf(table));
        }
        return null;
    }

    /// <summary>A job by its RefId, from the live queue or an archive; null when there is none.</summary>
    public async Task<JobInfo?> GetByRefIdAsync(string refId, CancellationToken ct)
    {
        await using var db = await OpenAsync(ct).ConfigureAwait(false);
        var live = await db.SqlListAsync<JobRecord>("SELECT * FROM baas_job WHERE ref_id = @refId", new { refId }, ct).ConfigureAwait(false);
        if (live.Count > 0) return ToInfo(live[0], null);
        var id = await db.SqlScalarAsync<long?>("SELECT job_id FROM baas_job_ref WHERE ref_id = @refId", new { refId }, ct).ConfigureAwait(false);
        if (id is > 0) return await GetAsync(db, id.Value, ct).ConfigureAwait(false);
        foreach (var table in await ArchiveTablesAsync(db, true, ct).ConfigureAwait(false))
        {
            var archived = await db.SqlListAsync<JobRecord>($"SELECT * FROM {db.Dialect.QuoteIdentifier(table)} WHERE ref_id = @refId", new { refId }, ct)
                .ConfigureAwait(false);
            if (archived.Count > 0) return ToInfo(archived[0], MonthOf(table));
        }
        return null;
    }

    /// <summary>What to list: filters (all optional), the source (live queue, or a month's archive) and a page.</summary>
    public sealed record Filter(JobState? State, string? Command, string? Tag, string? Worker, string? Month, int Skip, int Take)
    {
        /// <summary>A job id (digits only), or text to find, ignoring case, in the command, RefId, tag, worker or error message.</summary>
        public string? Search { get; init; }
        /// <summary>Only jobs queued at or after this instant (UTC).</summary>
        public DateTime? CreatedAfter { get; init; }
        /// <summary>Only jobs queued before this instant (UTC).</summary>
        public DateTime? CreatedBefore { get; init; }
    }

    /// <summary>
    /// A page of jobs, newest first, with the total that match:
    /// <c>SELECT * FROM baas_job WHERE state = @state AND command = @command ORDER BY id DESC LIMIT @take OFFSET @skip</c>;
    /// a text search adds <c>(lower(command) LIKE @search ESCAPE '\' OR lower(ref_id) LIKE @search ...)</c> (the dialect's
    /// Unicode lower-casing), an id search <c>id = @id</c>.
    /// Answers null when <see cref="Filter.Month"/> names a month without an archive.
    /// </summary>
    public async Task<(int Total, List<JobSummary> Jobs)?> QueryAsync(Filter filter, CancellationToken ct)
    {
        await using var db = await OpenAsync(ct).ConfigureAwait(false);
        var table = "baas_job";
        if (filter.Month is not null)
        {
            var archive = await ArchiveTableOfAsync(db, filter.Month, ct).ConfigureAwait(false);
            if (archive is null) return null;
            table = archive;
        }
        var where = new StringBuilder();
        var p = new Dictionary<string, object?>();
        void And(string condition, string name, object? value)
        {
            where.Append(where.Length == 0 ? " WHERE " : " AND ").Append(condition);
            p[name] = value;
        }
        if (filter.State is { } state) And("state = @state", "state", state.ToString());
        if (filter.Command is { } command) And("command = @command", "command", command);
        if (filter.Tag is { } tag) And("tag = @tag", "tag", tag);
        if (filter.Worker is { } worker) And("worker = @worker", "worker", worker);
        if (filter.CreatedAfter is { } after) And("created_at >= @createdAfter", "createdAfter", after);
        if (filter.CreatedBefore is { } before) And("created_at < @createdBefore", "createdBefore", before);
        if (filter.Search is { } search)
        {
            if (search.All(char.IsAsciiDigit) && long.TryParse(search, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                And("id = @searchId", "searchId", id);
            else
                And("(" + string.Join(" OR ", SearchedColumns.Select(c => $"{db.Dialect.Lower(c)} LIKE @search ESCAPE '\\'")) + ")",
                    "search", "%" + EscapeLike(search.ToLowerInvariant()) + "%");
        }
        var from = db.Dialect.QuoteIdentifier(table) + where;
        var total = await db.SqlScalarAsync<long>($"SELECT COUNT(*) FROM {from}", p, ct).ConfigureAwait(false);
        p["take"] = filter.Take;
        p["skip"] = filter.Skip;
        var rows = await db.SqlListAsync<JobRecord>($"SELECT * FROM {from} ORDER BY id DESC LIMIT @take OFFSET @skip", p, ct).ConfigureAwait(false);
        return ((int)Math.Min(total, int.MaxValue), rows.Select(r => Summarize(r, new JobSummary())).ToList());
    }

    /// <summary>How many live jobs are in each state.</summary>
    public async Task<Dictionary<JobState, long>> CountByStateAsync(CancellationToken ct)
    {
        await using var db = await OpenAsync(ct).ConfigureAwait(false);
        var counts = await db.DictionaryAsync<string, long>("SELECT state, COUNT(*) FROM baas_job GROUP BY state", ct: ct).ConfigureAwait(false);
        return Enum.GetValues<JobState>().ToDictionary(s => s, s => counts.GetValueOrDefault(s.ToString()));
    }

    /// <summary>How many jobs each node runs now.</summary>
    public async Task<Dictionary<string, long>> RunningByNodeAsync(CancellationToken ct)
    {
        await using var db = await OpenAsync(ct).ConfigureAwait(false);
        return await db.DictionaryAsync<string, long>(
            "SELECT lease_owner, COUNT(*) FROM baas_job WHERE state = @started AND lease_owner IS NOT NULL GROUP BY lease_owner", P(), ct).ConfigureAwait(false);
    }

    /// <summary>A minute and how many jobs finished in it, by final state.</summary>
    public sealed class MinuteCount
    {
        public string Minute { get; set; } = "";
        public string State { get; set; } = "";
        public long Count { get; set; }
    }

    /// <summary>
    /// Jobs finished per minute since <paramref name="since"/>, from the live queue and the archives of the months involved:
    /// <c>SELECT substr(completed_at, 1, 16) AS minute, state, COUNT(*) AS count FROM baas_job WHERE completed_at &gt;= @since GROUP BY 1, 2</c>
    /// (the minute as the dialect writes it: <see cref="DialectProvider.UtcMinuteText"/>).
    /// </summary>
    public async Task<List<(DateTime Minute, JobState State, long Count)>> FinishedPerMinuteAsync(DateTime since, CancellationToken ct)
    {
        await using var db = await OpenAsync(ct).ConfigureAwait(false);
        var minute = Sql.Dialect.UtcMinuteText("completed_at");
        var p = new Dictionary<string, object?> { ["since"] = since };
        var tables = new List<string> { "baas_job" };
        var archives = await ArchiveTablesAsync(db, true, ct).ConfigureAwait(false);
        var firstMonth = new DateTime(since.Year, since.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        tables.AddRange(archives.Where(t => string.CompareOrdinal(t, JobSql.ArchiveTable(firstMonth)) >= 0));
        var result = new Dictionary<(DateTime, JobState), long>();
        foreach (var table in tables)
        {
            var sql = $"SELECT {minute} AS minute, state, COUNT(*) AS count FROM {db.Dialect.QuoteIdentifier(table)} WHERE completed_at >= @since GROUP BY 1, 2";
            foreach (var row in await db.SqlListAsync<MinuteCount>(sql, p, ct).ConfigureAwait(false))
            {
                var key = (DateTime.SpecifyKind(DateTime.ParseExact(row.Minute, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), DateTimeKind.Utc),
                    Enum.Parse<JobState>(row.State));
                result[key] = result.GetValueOrDefault(key) + row.Count;
            }
        }
        return result.Select(kv => (kv.Key.Item1, kv.Key.Item2, kv.Value)).OrderBy(r => r.Item1).ToList();
    }

    // The columns a text search looks in (fixed names, never the caller's text).
    private static readonly string[] SearchedColumns = ["command", "ref_id", "tag", "worker", "error_message"];

    // LIKE's wildcards and its escape character in the caller's text match themselves.
    private static string EscapeLike(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    private static string MonthOf(string archiveTable) => $"{archiveTable[^6..^2]}-{archiveTable[^2..]}";

    private static T Summarize<T>(JobRecord r, T info) where T : JobSummary
    {
        info.Id = r.Id;
        info.RefId = r.RefId;
        info.Kind = r.Kind;
        info.Command = r.Command;
        info.State = r.State;
        info.Tag = r.Tag;
        info.Worker = r.Worker;
        info.Priority = r.Priority;
        info.DependsOn = r.DependsOn;
        info.ParentId = r.ParentId;
        info.ScheduleName = r.ScheduleName;
        info.Attempts = r.Attempts;
        info.RetryLimit = r.RetryLimit;
        info.CreatedAt = r.CreatedAt;
        info.RunAfter = r.RunAfter;
        info.StartedAt = r.StartedAt;
        info.CompletedAt = r.CompletedAt;
        info.DurationMs = r.DurationMs;
        info.Progress = r.Progress;
        info.Status = r.Status;
        info.ErrorCode = r.ErrorCode;
        info.ErrorMessage = r.ErrorMessage;
        info.Node = r.LeaseOwner;
        info.UserName = r.UserName;
        return info;
    }

    private static JobInfo ToInfo(JobRecord r, string? archiveMonth)
    {
        var info = Summarize(r, new JobInfo());
        info.Arg = r.Arg;
        info.Result = r.Result;
        info.Log = r.Log;
        info.ErrorStack = r.ErrorStack;
        info.Callback = r.Callback;
        info.TimeoutMs = r.TimeoutMs;
        info.LeaseExpiresAt = r.LeaseExpiresAt;
        info.CancelRequested = r.CancelRequested;
        info.UserId = r.UserId;
        info.ArchiveMonth = archiveMonth;
        info.AttemptLog = AttemptLogOf(r.AttemptLog);
        return info;
    }
}
