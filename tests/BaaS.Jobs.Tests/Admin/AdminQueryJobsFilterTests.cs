using System.Net;
using BaaS.Client;

namespace BaaS.Jobs.Tests;

/// <summary>AdminQueryJobs' search (a job id, or text in the command, RefId, tag, worker or error) and its range of queued times.</summary>
public abstract class AdminQueryJobsFilterTests<TKind>(NodeFixture<TKind> fixture) : IClassFixture<NodeFixture<TKind>> where TKind : IDatabaseKind
{
    private JobsNode Node => fixture.Node;

    private async Task<List<long>> IdsAsync(JsonApiClient admin, AdminQueryJobs query) => [.. (await admin.SendAsync(query)).Results.Select(j => j.Id)];

    [Fact]
    public async Task Search_finds_a_job_by_id_or_by_text_ignoring_case_with_wildcards_taken_literally()
    {
        var key = Probe.NewKey();
        var tag = "Find-Ünï-" + key;
        var later = DateTime.UtcNow.AddHours(1);
        var a = await Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg(), new JobOptions { Tag = tag, RunAfter = later, RefId = "ref_50%-" + key });
        var b = await Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg(), new JobOptions { Tag = tag, RunAfter = later, Worker = "Mailer-" + key });
        var failed = await Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg { Key = key, FailTimes = 1 }, new JobOptions { Tag = tag, RetryLimit = 0 });
        await Node.WaitForAsync(failed.Id, JobState.Failed);
        using var admin = Node.Client(JobsNode.Admin);

        Assert.Equal([b.Id], await IdsAsync(admin, new AdminQueryJobs { Search = b.Id.ToString() }));
        Assert.Empty(await IdsAsync(admin, new AdminQueryJobs { Search = b.Id.ToString(), State = JobState.Failed })); // and the other filters
        Assert.Equal([failed.Id, b.Id, a.Id], await IdsAsync(admin, new AdminQueryJobs { Search = tag.ToUpperInvariant() }));        // tag, any alphabet's case
        Assert.Equal([a.Id], await IdsAsync(admin, new AdminQueryJobs { Search = "REF_50%-" + key }));                                // RefId
        Assert.Empty(await IdsAsync(admin, new AdminQueryJobs { Search = "ref%50-" + key }));                                          // % is not a wildcard
        Assert.Empty(await IdsAsync(admin, new AdminQueryJobs { Search = "ref_5_%-" + key }));                                         // nor _
        Assert.Equal([b.Id], await IdsAsync(admin, new AdminQueryJobs { Search = "mailer-" + key }));                                 // worker
        Assert.Equal([failed.Id], await IdsAsync(admin, new AdminQueryJobs { Search = "RUN 1 FAILS", Tag = tag }));                   // error message
        var byCommand = await admin.SendAsync(new AdminQueryJobs { Search = "workcomm", Tag = tag });                                // command
        Assert.Equal(3, byCommand.Total);
        foreach (var id in new[] { a.Id, b.Id }) await Node.Jobs.CancelJobAsync(id);
    }

    [Fact]
    public async Task Jobs_are_filtered_by_when_they_were_queued()
    {
        var tag = "when-" + Probe.NewKey();
        var later = DateTime.UtcNow.AddHours(1);
        var ids = new List<long>();
        for (var i = 0; i < 3; i++) ids.Add((await Node.Jobs.EnqueueCommandAsync<WorkCommand>(new WorkArg(), new JobOptions { Tag = tag, RunAfter = later })).Id);
        using var admin = Node.Client(JobsNode.Admin);
        var first = (await admin.SendAsync(new AdminGetJob { Id = ids[0] })).Job.CreatedAt;
        var last = (await admin.SendAsync(new AdminGetJob { Id = ids[2] })).Job.CreatedAt;

        Assert.Equal(ids.AsEnumerable().Reverse(), await IdsAsync(admin, new AdminQueryJobs { Tag = tag, CreatedAfter = first }));  // from, inclusive
        Assert.DoesNotContain(ids[0], await IdsAsync(admin, new AdminQueryJobs { Tag = tag, CreatedBefore = first }));              // until, exclusive
        Assert.Equal(ids.AsEnumerable().Reverse(), await IdsAsync(admin, new AdminQueryJobs { Tag = tag, CreatedAfter = first, CreatedBefore = last.AddTicks(10) }));
        Assert.Empty(await IdsAsync(admin, new AdminQueryJobs { Tag = tag, CreatedAfter = last.AddMinutes(1) }));
        Assert.Empty(await IdsAsync(admin, new AdminQueryJobs { Tag = tag, CreatedBefore = first.AddMinutes(-1) }));
        foreach (var id in ids) await Node.Jobs.CancelJobAsync(id);
    }

    [Theory]
    [InlineData("AdminQueryJobs?createdAfter=2026-12-01T00:00:00Z&createdBefore=2026-11-01T00:00:00Z", "CreatedBefore")]
    [InlineData("AdminQueryJobs?createdAfter=yesterday", "CreatedAfter")]
    public async Task Bad_ranges_are_answered_400_naming_the_field(string path, string field)
    {
        using var http = Node.Http(JobsNode.Admin);
        using var response = await http.GetAsync("/api/" + path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"fieldName\":\"{field}\"", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_search_longer_than_200_characters_is_answered_400_naming_the_field()
    {
        using var admin = Node.Client(JobsNode.Admin);
        var result = await admin.ApiAsync(new AdminQueryJobs { Search = new string('x', 201) });
        Assert.Equal(400, result.StatusCode);
        Assert.NotNull(result.FieldError("Search"));
    }
}

public sealed class SqliteAdminQueryJobsFilterTests(NodeFixture<OnSqlite> fixture) : AdminQueryJobsFilterTests<OnSqlite>(fixture);

public sealed class PostgreSqlAdminQueryJobsFilterTests(NodeFixture<OnPostgreSql> fixture) : AdminQueryJobsFilterTests<OnPostgreSql>(fixture);
