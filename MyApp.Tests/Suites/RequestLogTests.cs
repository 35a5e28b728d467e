using BaaS;
using MyApp.ServiceModel;

namespace MyApp.Tests;

/// <summary>MyApp records its calls: an admin finds a customer's call in the log, with the customer.</summary>
public abstract class RequestLogTests<THost>(THost host) where THost : MyAppFixture
{
    [Fact]
    public async Task A_customers_call_is_in_the_request_log_with_the_customer()
    {
        var before = DateTime.UtcNow.AddSeconds(-1);
        using var customer = host.As(host.Customer);
        await customer.SendAsync(new QueryRestaurants { Take = 1 });

        using var admin = host.As(host.Admin);
        var query = new AdminQueryRequestLogs { UserId = host.Customer.Id.ToString(), Operation = nameof(QueryRestaurants), From = before };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        List<RequestLog> rows;
        while ((rows = (await admin.SendAsync(query)).Results).Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the call did not reach the request log within 30 s");
            await Task.Delay(100);
        }
        var row = rows[0];
        Assert.Equal((200, "GET", "Http"), (row.StatusCode, row.Verb, row.Kind));
        Assert.Equal(host.Customer.Email, row.UserName);
        Assert.True(row.DurationMs > 0);
        Assert.True(row.ResponseBytes > 0);
        Assert.Null(row.RequestBody); // MyApp keeps no bodies unless RequestLogs:IncludeBodies says so
    }
}

[Collection(SqliteApp.Name)]
public class SqliteRequestLogTests(SqliteMyAppFixture host) : RequestLogTests<SqliteMyAppFixture>(host);

[Collection(PostgreSqlApp.Name)]
public class PostgreSqlRequestLogTests(PostgreSqlMyAppFixture host) : RequestLogTests<PostgreSqlMyAppFixture>(host);
