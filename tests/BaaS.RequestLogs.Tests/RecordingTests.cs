using System.Diagnostics;
using System.Net;
using System.Text;
using BaaS.Client;
using BaaS.RequestLogs.Tests.Fixtures;

namespace BaaS.RequestLogs.Tests;

/// <summary>Every way in produces its rows: HTTP calls, batches and each of their requests, gateway calls, failures and refusals.</summary>
public abstract class RecordingTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : LogsFixture
{
    [Fact]
    public async Task An_http_call_is_recorded_with_its_status_duration_user_address_and_size()
    {
        var (header, id, name) = LogsFixture.NewUser();
        var before = DateTime.UtcNow;
        using var http = fixture.Server.CreateHttp(header);
        using var response = await http.GetAsync("/api/Echo?text=hello&delayMs=30");
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var row = Assert.Single(await fixture.WaitForRowsAsync(r => r.UserId == id, 1));
        Assert.Equal("Http", row.Kind);
        Assert.Equal(nameof(Echo), row.Operation);
        Assert.Equal("GET", row.Verb);
        Assert.Equal("/api/Echo", row.Path);
        Assert.Equal(200, row.StatusCode);
        // A 30 ms Task.Delay is timed by a coarse clock (on Linux, CLOCK_MONOTONIC_COARSE: a tick of a few ms), so the
        // precise clock can see it end a few ms early (29.3 ms was seen): the bound leaves it that slack.
        Assert.InRange(row.DurationMs, 25, 30_000);
        Assert.Equal(name, row.UserName);
        Assert.Null(row.ApiKeyId);
        Assert.Equal("127.0.0.1", row.ClientIp);
        Assert.Equal(body.Length, row.ResponseBytes);
        Assert.InRange(row.Timestamp, before.AddSeconds(-1), DateTime.UtcNow);
        Assert.Null(row.ErrorCode);
        Assert.Null(row.BatchIndex);
        Assert.Contains("\"text\":\"hello\"", row.RequestBody);
    }

    [Fact]
    public async Task A_call_with_an_api_key_records_the_keys_id_and_never_the_key()
    {
        var (header, id, _) = LogsFixture.NewUser();
        using var http = fixture.Server.CreateHttp(header);
        http.DefaultRequestHeaders.Add(LogsFixture.ApiKeyHeader, "4242");
        (await http.GetAsync("/api/Echo?text=k")).EnsureSuccessStatusCode();

        var row = Assert.Single(await fixture.WaitForRowsAsync(r => r.UserId == id, 1));
        Assert.Equal(4242, row.ApiKeyId);
    }

    [Fact]
    public async Task A_batch_records_itself_and_each_of_its_requests()
    {
        var (header, id, _) = LogsFixture.NewUser();
        using var client = fixture.CreateClient(header);
        var created = await client.SendAsync<List<IdResponse>>("POST", "/api/CreateLogDish[]",
            new[] { new CreateLogDish { Name = "Pho", Price = 9 }, new CreateLogDish { Name = "Laksa", Price = 11 }, new CreateLogDish { Name = "Ramen", Price = 12 } });
        Assert.Equal(3, created.Count);

        var rows = await fixture.WaitForRowsAsync(r => r.UserId == id, 4);
        Assert.Equal(4, rows.Count);
        var batch = Assert.Single(rows, r => r.Kind == "Batch");
        Assert.Equal("CreateLogDish[]", batch.Operation);
        Assert.Equal("POST", batch.Verb);
        Assert.Equal(200, batch.StatusCode);
        Assert.True(batch.ResponseBytes > 0);
        Assert.Null(batch.RequestBody); // each request has its own
        var items = rows.Where(r => r.Kind == "BatchItem").OrderBy(r => r.BatchIndex).ToList();
        Assert.Equal([0, 1, 2], items.Select(r => r.BatchIndex!.Value));
        Assert.All(items, item =>
        {
            Assert.Equal(nameof(CreateLogDish), item.Operation);
            Assert.Equal(200, item.StatusCode);
            Assert.True(item.DurationMs > 0 && item.DurationMs <= batch.DurationMs);
            Assert.Null(item.ResponseBytes);
        });
        Assert.Contains("\"name\":\"Laksa\"", items[1].RequestBody);
    }

    [Fact]
    public async Task A_failing_request_of_a_batch_is_recorded_with_its_error_and_ends_the_batch()
    {
        var (header, id, _) = LogsFixture.NewUser();
        using var client = fixture.CreateClient(header);
        var failure = await Assert.ThrowsAsync<WebServiceException>(() => client.SendAsync<List<IdResponse>>("POST", "/api/CreateLogDish[]",
            new[] { new CreateLogDish { Name = "Pho" }, new CreateLogDish { Name = "" }, new CreateLogDish { Name = "Never" } }));
        Assert.Equal(400, failure.StatusCode);

        var rows = await fixture.WaitForRowsAsync(r => r.UserId == id, 3);
        Assert.Equal(3, rows.Count);
        Assert.Equal(400, Assert.Single(rows, r => r.Kind == "Batch").StatusCode);
        var items = rows.Where(r => r.Kind == "BatchItem").OrderBy(r => r.BatchIndex).ToList();
        Assert.Equal([(0, 200), (1, 400)], items.Select(r => (r.BatchIndex!.Value, r.StatusCode)));
        Assert.Equal("NotEmpty", items[1].ErrorCode);
        Assert.Contains("Name", items[1].ErrorMessage);
    }

    [Fact]
    public async Task A_gateway_call_is_recorded_as_its_own_row_with_the_callers_user_address_and_trace()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        var (header, id, name) = LogsFixture.NewUser();
        using var client = fixture.CreateClient(header);
        Assert.Equal("via gateway", (await client.SendAsync(new CallEcho { Text = "via gateway" })).Text);

        var rows = await fixture.WaitForRowsAsync(r => r.UserId == id, 2);
        var outer = Assert.Single(rows, r => r.Kind == "Http");
        var inner = Assert.Single(rows, r => r.Kind == "Gateway");
        Assert.Equal(nameof(CallEcho), outer.Operation);
        Assert.Equal(nameof(Echo), inner.Operation);
        Assert.Equal("/api/Echo", inner.Path);
        Assert.Equal(200, inner.StatusCode);
        Assert.Equal(name, inner.UserName);
        Assert.Equal("127.0.0.1", inner.ClientIp);
        Assert.Null(inner.ResponseBytes);
        Assert.True(inner.DurationMs <= outer.DurationMs);
        Assert.Matches("^[0-9a-f]{32}$", outer.TraceId);
        Assert.Equal(outer.TraceId, inner.TraceId);
    }

    [Fact]
    public async Task A_failing_call_records_the_error_code_and_message()
    {
        var (header, id, _) = LogsFixture.NewUser();
        using var client = fixture.CreateClient(header);
        var refused = await Assert.ThrowsAsync<WebServiceException>(() => client.SendAsync(new Fail { Status = 409, Message = "Already taken" }));
        Assert.Equal(409, refused.StatusCode);
        var broken = await Assert.ThrowsAsync<WebServiceException>(() => client.SendAsync(new Fail { Status = 500, Message = "Disk on fire" }));
        Assert.Equal(500, broken.StatusCode);

        var rows = await fixture.WaitForRowsAsync(r => r.UserId == id, 2);
        var conflict = Assert.Single(rows, r => r.StatusCode == 409);
        Assert.Equal(("Refused", "Already taken"), (conflict.ErrorCode, conflict.ErrorMessage));
        Assert.True(conflict.ResponseBytes > 0);
        var error = Assert.Single(rows, r => r.StatusCode == 500);
        // The cause, for administrators, whatever clients are told.
        Assert.Equal((nameof(InvalidOperationException), "Disk on fire"), (error.ErrorCode, error.ErrorMessage));
    }

    [Fact]
    public async Task Refusals_before_the_service_and_malformed_bodies_are_recorded()
    {
        var marker = "/api/WhoAmI";
        var before = DateTime.UtcNow.AddSeconds(-1);
        using (var anonymous = await fixture.Http.GetAsync(marker)) Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var (header, id, _) = LogsFixture.NewUser();
        using var http = fixture.Server.CreateHttp(header);
        using (var bad = await http.PostAsync("/api/SignUp", new StringContent("{\"userName\": ", Encoding.UTF8, "application/json")))
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var unauthorized = await fixture.WaitForRowsAsync(r => r.Operation == nameof(WhoAmI) && r.UserId == null && r.Timestamp >= before, 1);
        Assert.Equal(401, unauthorized[0].StatusCode);
        Assert.NotNull(unauthorized[0].ErrorCode);
        var malformed = Assert.Single(await fixture.WaitForRowsAsync(r => r.UserId == id, 1));
        Assert.Equal((nameof(SignUp), 400), (malformed.Operation, malformed.StatusCode));
        Assert.Null(malformed.RequestBody); // nothing was bound
    }

    [Fact]
    public async Task The_logs_own_apis_are_not_recorded()
    {
        using var admin = fixture.CreateClient(LogsFixture.Admin);
        await admin.SendAsync(new AdminQueryRequestLogs { Take = 1 });
        await admin.SendAsync(new AdminGetRequestAnalytics());
        await admin.SendAsync(new AdminGetRequestLogStats());
        var (header, id, _) = LogsFixture.NewUser();
        await fixture.CreateClient(header).SendAsync(new Echo { Text = "after" });
        await fixture.WaitForRowsAsync(r => r.UserId == id, 1); // written after the admin calls, in order

        Assert.Empty(await fixture.RowsAsync(r => r.Operation.StartsWith("AdminGetRequest") || r.Operation == nameof(AdminQueryRequestLogs)));
    }
}

public class SqliteRecordingTests(SqliteLogsFixture fixture) : RecordingTests<SqliteLogsFixture>(fixture);

public class PostgresRecordingTests(PostgresLogsFixture fixture) : RecordingTests<PostgresLogsFixture>(fixture);
