using System.Net;
using System.Net.Sockets;
using BaaS.Data;
using BaaS.Data.PostgreSQL;
using BaaS.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.Tests.Errors;

/// <summary>
/// A database that cannot be reached is not the client's fault and not a bug: 503 with <c>Retry-After</c> and the error
/// code <c>ServiceUnavailable</c>, never a 500 (the PostgreSQL outage under load is in MyApp.Tests' OutageTests).
/// </summary>
public class DatabaseUnavailableTests
{
    private static readonly Type[] Services = [typeof(DatabaseProbeServices)];

    [Fact]
    public async Task PostgreSQL_refusing_connections_answers_503_with_retry_after_and_no_internals()
    {
        // A port nobody listens on: Npgsql's connect is refused by the kernel, as when the server is stopped.
        var factory = new DbConnectionFactory($"Host=127.0.0.1;Port={LoopbackPort.Free()};Database=none;Username=none;Password=none;Timeout=5", PostgreSqlDialect.Instance);
        await using var server = await TestServer.StartAsync(Services, o =>
        {
            o.EnvironmentName = "Production";
            o.ConfigureServices += s => s.AddSingleton<IDbConnectionFactory>(factory);
        });

        using var response = await server.Http.GetAsync("/api/ProbeDatabase");
        var status = await HttpAssert.ErrorAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("ServiceUnavailable", status.GetProperty("errorCode").GetString());
        Assert.Contains("Try again", status.GetProperty("message").GetString());
        Assert.DoesNotContain("127.0.0.1", status.GetRawText());
        Assert.True(response.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 }, $"Retry-After: {response.Headers.RetryAfter}");
    }

    [Fact]
    public async Task Sqlite_file_locked_past_the_busy_timeout_answers_503_and_works_again_once_the_lock_is_gone()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabaseKind.SqliteFile, "baas_unavailable");
        // Microsoft.Data.Sqlite retries a busy statement until the command timeout (Default Timeout, 30 s unless set).
        await using var factory = new DbConnectionFactory(database.ConnectionString + ";Default Timeout=1", database.Dialect);
        await using (var setup = await factory.OpenAsync())
            await setup.ExecuteSqlAsync("CREATE TABLE probe (value INTEGER NOT NULL)");
        await using var server = await TestServer.StartAsync(Services, o => o.ConfigureServices += s => s.AddSingleton<IDbConnectionFactory>(factory));

        await using var holder = await factory.OpenAsync();
        await using (var tx = await holder.OpenTransactionAsync())
        {
            await holder.ExecuteSqlAsync("INSERT INTO probe (value) VALUES (0)"); // takes the file's write lock until the end of the transaction
            using var locked = await server.Http.PostAsync("/api/WriteProbe", HttpAssert.Json("{}"));
            var status = await HttpAssert.ErrorAsync(locked, HttpStatusCode.ServiceUnavailable);
            Assert.Equal("ServiceUnavailable", status.GetProperty("errorCode").GetString());
            Assert.NotNull(locked.Headers.RetryAfter);
            await tx.RollbackAsync();
        }

        using var free = await server.Http.PostAsync("/api/WriteProbe", HttpAssert.Json("{}"));
        Assert.Equal(HttpStatusCode.OK, free.StatusCode);
    }

    [Fact]
    public void Dialects_tell_a_database_that_cannot_be_reached_from_a_statement_that_is_wrong()
    {
        Assert.True(PostgreSqlDialect.Instance.IsUnavailable(new Npgsql.NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.True(PostgreSqlDialect.Instance.IsUnavailable(new Npgsql.NpgsqlException("Exception while reading from stream", new EndOfStreamException())));
        Assert.False(PostgreSqlDialect.Instance.IsUnavailable(new InvalidOperationException("bug")));
        Assert.False(BaaS.Data.Sqlite.SqliteDialect.Instance.IsUnavailable(new Microsoft.Data.Sqlite.SqliteException("syntax error", 1)));
        Assert.True(BaaS.Data.Sqlite.SqliteDialect.Instance.IsUnavailable(new Microsoft.Data.Sqlite.SqliteException("database is locked", 5)));
    }

    [Fact]
    public void A_closed_rate_limit_whose_redis_refused_the_socket_keeps_its_own_code_and_is_not_taken_for_the_database()
    {
        // PostgreSQL's dialect takes a bare refused socket for its own server: an error that says itself when to try
        // again must win, or a signed-in caller reads "cannot reach its database" while Redis is the one away.
        _ = PostgreSqlDialect.Instance;
        var refused = new RateLimitUnavailableException("signin", new InvalidOperationException("No connection", new SocketException((int)SocketError.ConnectionRefused)));
        var (status, responseStatus) = new BaaS.Errors.ErrorMapper(includeDetails: false).Map(refused);
        Assert.Equal(503, status);
        Assert.Equal("RateLimitUnavailable", responseStatus.ErrorCode);
        Assert.Equal("signin", responseStatus.Meta!["policy"]);
        Assert.Equal(RateLimitUnavailableException.DefaultRetryAfter, BaaS.Errors.ErrorMapper.RetryAfterOf(refused));
    }
}
