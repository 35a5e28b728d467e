using System.Linq.Expressions;
using System.Security.Claims;
using BaaS.Auth;
using BaaS.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.RequestLogs.Tests.Fixtures;

/// <summary>
/// An app with request logs on (bodies included, batches written every 20 ms) over <see cref="LogsServices"/> and
/// AutoQuery dishes, on a database of its own; callers act as users with the test scheme, and as API keys with the
/// <c>X-Test-ApiKey</c> header. Its clock is a <see cref="TestClock"/>, so tests can record calls in the past.
/// </summary>
public abstract class LogsFixture(TestDatabaseKind database) : TestServerFixture
{
    public const string Admin = "admin|Admin|";
    public const string ApiKeyHeader = "X-Test-ApiKey";

    public TestClock Clock { get; } = new();

    public bool IsPostgres => database == TestDatabaseKind.PostgreSql;

    /// <summary>A user of the test's own: <c>id:name</c>, both unique.</summary>
    public static (string Header, string Id, string Name) NewUser(params string[] roles)
    {
        var id = "u" + Guid.NewGuid().ToString("N")[..12];
        return (TestAuthentication.User(id, "name-" + id, roles), id, "name-" + id);
    }

    protected override void Configure(TestServerOptions options)
    {
        options.Dialect = database;
        options.DatabasePrefix = "baas_reqlogs";
        options.UseTestAuthentication = true;
        options.ServiceTypes.Add(typeof(LogsServices));
        options.PrepareDatabase = async factory =>
        {
            await using var db = await factory.OpenAsync();
            await db.CreateTableAsync<LogDish>();
        };
        options.ConfigureServices += services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddAutoQuery(o => o.Types.AddRange([typeof(CreateLogDish), typeof(QueryLogDishes)]));
            services.AddRequestLogs(o =>
            {
                o.IncludeBodies = true;
                o.BatchInterval = TimeSpan.FromMilliseconds(20);
                ConfigureLogs(o);
            });
            ConfigureServices(services);
        };
        // An API key's id on the caller, as the platform's API-key sign-in would set it.
        options.ConfigureApp += app => app.Use((context, next) =>
        {
            if (context.Request.Headers.TryGetValue(ApiKeyHeader, out var key) && context.User.Identity is ClaimsIdentity { IsAuthenticated: true } identity)
                identity.AddClaim(new Claim(AuthClaims.ApiKeyId, key.ToString()));
            return next(context);
        });
    }

    /// <summary>A suite's own request-log settings.</summary>
    protected virtual void ConfigureLogs(RequestLogsOptions options) { }

    /// <summary>A suite's own services.</summary>
    protected virtual void ConfigureServices(IServiceCollection services) { }

    /// <summary>The log's rows that match, oldest first.</summary>
    public async Task<List<RequestLog>> RowsAsync(Expression<Func<RequestLog, bool>> where)
    {
        await using var db = await Server.Db.OpenAsync();
        return [.. (await db.SelectAsync(where)).OrderBy(r => r.Id)];
    }

    /// <summary>Waits until at least <paramref name="count"/> rows match (the writer works off the request path), then answers them.</summary>
    public async Task<List<RequestLog>> WaitForRowsAsync(Expression<Func<RequestLog, bool>> where, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var rows = await RowsAsync(where);
            if (rows.Count >= count) return rows;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Expected {count} request log rows, found {rows.Count} after 30 s: {string.Join(", ", rows.Select(r => r.Operation))}");
            await Task.Delay(25);
        }
    }

    /// <summary>Waits until the queue is empty and every row handed to it is written (or dropped or failed).</summary>
    public async Task<AdminGetRequestLogStatsResponse> WaitForQueueAsync()
    {
        using var admin = CreateClient(Admin);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var stats = await admin.SendAsync(new AdminGetRequestLogStats());
            if (stats.Pending == 0 && stats.Written + stats.Failed == stats.Recorded) return stats;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The request log's queue did not empty: {stats.Pending} pending.");
            await Task.Delay(25);
        }
    }
}

public sealed class SqliteLogsFixture() : LogsFixture(TestDatabaseKind.SqliteFile);

public sealed class PostgresLogsFixture() : LogsFixture(TestDatabaseKind.PostgreSql);
