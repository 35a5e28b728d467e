using System.Net;
using BaaS.Client;
using BaaS.RequestLogs.Tests.Fixtures;

namespace BaaS.RequestLogs.Tests;

/// <summary>The admin APIs: Admin only, the log's filters, one row, the counters.</summary>
public abstract class AdminApiTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : LogsFixture
{
    public static TheoryData<string> AdminApis() => ["/api/AdminQueryRequestLogs", "/api/AdminGetRequestLog?id=1", "/api/AdminGetRequestAnalytics", "/api/AdminGetRequestLogStats"];

    [Theory]
    [MemberData(nameof(AdminApis))]
    public async Task Only_admins_may_call_the_log_apis(string path)
    {
        using (var anonymous = await fixture.Http.GetAsync(path)) Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var user = fixture.Server.CreateHttp(LogsFixture.NewUser("Owner").Header);
        using (var refused = await user.GetAsync(path)) Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var admin = fixture.Server.CreateHttp(LogsFixture.Admin);
        using var allowed = await admin.GetAsync(path);
        Assert.True(allowed.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{path}: {allowed.StatusCode}");
    }

    [Fact]
    public async Task The_query_filters_by_user_status_range_operation_time_text_and_pages_newest_first()
    {
        var (header, id, name) = LogsFixture.NewUser();
        using var client = fixture.CreateClient(header);
        var start = DateTime.UtcNow.AddSeconds(-1);
        for (var i = 0; i < 3; i++) await client.SendAsync(new Echo { Text = "n" + i });
        await Assert.ThrowsAsync<WebServiceException>(() => client.SendAsync(new Fail { Status = 404, Message = "No such thing " + id }));
        await Assert.ThrowsAsync<WebServiceException>(() => client.SendAsync(new Fail { Status = 503, Message = "Away " + id }));
        await fixture.WaitForRowsAsync(r => r.UserId == id, 5);
        using var admin = fixture.CreateClient(LogsFixture.Admin);

        var all = await admin.SendAsync(new AdminQueryRequestLogs { UserId = id, Include = "total" });
        Assert.Equal(5, all.Total);
        Assert.Equal(all.Results.OrderByDescending(r => r.Timestamp).ThenByDescending(r => r.Id).Select(r => r.Id), all.Results.Select(r => r.Id));
        Assert.Equal(2, (await admin.SendAsync(new AdminQueryRequestLogs { UserId = id, MinStatusCode = 400 })).Results.Count);
        Assert.Equal([404], (await admin.SendAsync(new AdminQueryRequestLogs { UserId = id, MinStatusCode = 400, MaxStatusCode = 499 })).Results.Select(r => r.StatusCode));
        Assert.Equal(3, (await admin.SendAsync(new AdminQueryRequestLogs { UserName = name, Operation = nameof(Echo) })).Results.Count);
        Assert.Equal("Refused", Assert.Single((await admin.SendAsync(new AdminQueryRequestLogs { Search = "no SUCH thing " + id })).Results).ErrorCode);
        Assert.Equal(5, (await admin.SendAsync(new AdminQueryRequestLogs { UserId = id, From = start, To = DateTime.UtcNow.AddMinutes(1) })).Results.Count);
        Assert.Empty((await admin.SendAsync(new AdminQueryRequestLogs { UserId = id, To = start })).Results);
        var page = await admin.SendAsync(new AdminQueryRequestLogs { UserId = id, Skip = 1, Take = 2, Include = "total" });
        Assert.Equal((5, 2), (page.Total, page.Results.Count));
        Assert.Equal(all.Results.Skip(1).Take(2).Select(r => r.Id), page.Results.Select(r => r.Id));
        Assert.Equal(all.Results[0].Id, (await admin.SendAsync(new AdminGetRequestLog { Id = all.Results[0].Id })).Result.Id);
    }

    [Fact]
    public async Task Bad_input_answers_400_naming_the_field_and_a_missing_row_404()
    {
        using var admin = fixture.CreateClient(LogsFixture.Admin);
        var search = await Assert.ThrowsAsync<WebServiceException>(() => admin.SendAsync(new AdminQueryRequestLogs { Search = new string('x', 201) }));
        Assert.Equal((400, "Search"), (search.StatusCode, search.ResponseStatus!.Errors![0].FieldName));
        var unknown = await Assert.ThrowsAsync<WebServiceException>(() => admin.SendAsync<QueryResponse<RequestLog>>("GET", "/api/AdminQueryRequestLogs?statusCod=200"));
        Assert.Equal(400, unknown.StatusCode);
        Assert.Equal(404, (await Assert.ThrowsAsync<WebServiceException>(() => admin.SendAsync(new AdminGetRequestLog { Id = long.MaxValue }))).StatusCode);
        var id = await Assert.ThrowsAsync<WebServiceException>(() => admin.SendAsync(new AdminGetRequestLog { Id = 0 }));
        Assert.Equal((400, "Id"), (id.StatusCode, id.ResponseStatus!.Errors![0].FieldName));
    }

    [Fact]
    public async Task The_counters_say_what_was_recorded_and_written()
    {
        var (header, id, _) = LogsFixture.NewUser();
        await fixture.CreateClient(header).SendAsync(new Echo { Text = "count me" });
        await fixture.WaitForRowsAsync(r => r.UserId == id, 1);
        var stats = await fixture.WaitForQueueAsync();
        Assert.True(stats.Enabled);
        Assert.True(stats.IncludeBodies);
        Assert.True(stats.Written >= 1);
        Assert.Equal(0, stats.Dropped);
        Assert.Equal(10_000, stats.Capacity);
        Assert.NotNull(stats.LastWrittenAt);
    }
}

public class SqliteAdminApiTests(SqliteLogsFixture fixture) : AdminApiTests<SqliteLogsFixture>(fixture);

public class PostgresAdminApiTests(PostgresLogsFixture fixture) : AdminApiTests<PostgresLogsFixture>(fixture);
