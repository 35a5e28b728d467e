using BaaS.RequestLogs.Tests.Fixtures;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.RequestLogs.Tests.Docs;

#region snippet:request-logs-sensitive
public class PayInvoice : IReturn<EmptyResponse>, IPost
{
    public int InvoiceId { get; set; }
    [Sensitive] public string CardNumber { get; set; } = "";   // "***" in the log
    public string? Password { get; set; }                      // withheld by its name
}
#endregion

public class PayInvoiceServices : Service
{
    public EmptyResponse Post(PayInvoice request) => new();
}

/// <summary>Runs the examples of docs/request-logs.md on a server of their own.</summary>
public class RequestLogDocTests
{
    private static Task<TestServer> StartAsync() => TestServer.StartAsync([typeof(PayInvoiceServices), typeof(LogsServices)], o =>
    {
        o.Dialect = TestDatabaseKind.SqliteFile;
        o.UseTestAuthentication = true;
        o.ConfigureBuilder += builder =>
        {
            #region snippet:request-logs-options
            builder.Services.AddRequestLogs(options =>
            {
                options.IncludeBodies = true;                        // the request DTO as JSON, secrets withheld
                options.RetentionDays = 30;                          // rows and per-minute aggregates
                options.AnalyticsRetentionDays = 365;                // per-hour aggregates
                options.ExcludeOperations.Add(nameof(WhoAmI));       // never recorded
            });
            #endregion
        };
    });

    [Fact]
    public async Task The_documented_calls_answer_what_failed_in_the_last_hour_and_for_whom()
    {
        await using var server = await StartAsync();
        using var customer = server.CreateClient(TestAuthentication.User("42", "ann"));
        await customer.SendAsync(new PayInvoice { InvoiceId = 7, CardNumber = "4111 1111 1111 1111", Password = "hunter2" });
        await customer.SendAsync(new WhoAmI());
        await Assert.ThrowsAsync<Client.WebServiceException>(() => customer.SendAsync(new Fail { Status = 500, Message = "Payment gateway timed out" }));
        using var admin = server.CreateClient(LogsFixture.Admin);
        await WaitForAsync(async () => (await admin.SendAsync(new AdminGetRequestLogStats())).Written >= 2);

        #region snippet:request-logs-query
        var failed = await admin.SendAsync(new AdminQueryRequestLogs
        {
            From = DateTime.UtcNow.AddHours(-1),
            MinStatusCode = 500,                       // server errors; 400 for every error
            Take = 50,                                 // newest first
        });
        foreach (var call in failed.Results)
            Console.WriteLine($"{call.Timestamp:u} {call.Operation} {call.StatusCode} {call.UserName} {call.ErrorCode}: {call.ErrorMessage}");
        var detail = await admin.SendAsync(new AdminGetRequestLog { Id = failed.Results[0].Id });   // with its body
        #endregion

        var row = Assert.Single(failed.Results);
        Assert.Equal(("Fail", "ann", "InvalidOperationException", "Payment gateway timed out"), (row.Operation, row.UserName, row.ErrorCode, row.ErrorMessage));
        Assert.Contains("\"status\":500", detail.Result.RequestBody);
        var paid = Assert.Single((await admin.SendAsync(new AdminQueryRequestLogs { Operation = nameof(PayInvoice) })).Results);
        Assert.Equal("{\"invoiceId\":7,\"cardNumber\":\"***\",\"password\":\"***\"}", paid.RequestBody);
        Assert.Empty((await admin.SendAsync(new AdminQueryRequestLogs { Operation = nameof(WhoAmI) })).Results);

        #region snippet:request-logs-analytics
        var day = await admin.SendAsync(new AdminGetRequestAnalytics
        {
            From = DateTime.UtcNow.AddDays(-1),        // the default: the last 24 hours
            Bucket = RequestAnalyticsBucket.Hour,      // Minute, Hour or Day
        });
        // day.Totals and each of day.Series: Requests, Errors, ServerErrors, AverageMs, P50Ms, P95Ms, P99Ms
        // day.Operations, day.SlowestOperations, day.Users, day.ApiKeys, day.Statuses: the same, per Key
        #endregion

        Assert.Equal(2, day.Totals.Requests);
        Assert.Equal(1, day.Totals.ServerErrors);
        Assert.Equal("42", Assert.Single(day.Users).Key);

        #region snippet:request-logs-stats
        var stats = await admin.SendAsync(new AdminGetRequestLogStats());
        // stats.Recorded, Written, Dropped (queue full), Failed (database refused), Pending: this node, since it started
        #endregion

        Assert.Equal(0, stats.Dropped);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(50);
        }
    }
}
