using BaaS.Client;
using BaaS.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.Jobs.Tests;

/// <summary>
/// One jobs node: a <see cref="TestServer"/> serving the test APIs and the jobs Admin APIs with the test authentication
/// scheme, running the test commands against a jobs database, with intervals short enough for tests. Several nodes
/// can run on one <see cref="TestDatabase"/>.
/// </summary>
public sealed class JobsNode : IAsyncDisposable
{
    public const string Admin = "1:admin|Admin";
    public const string Ops = "2:olive|Ops";
    public const string Customer = "3:carl|Customer";

    private readonly IServiceScope _scope;

    private JobsNode(TestServer server, string name)
    {
        Server = server;
        Name = name;
        _scope = server.Services.CreateScope();
    }

    /// <summary>The node's server.</summary>
    public TestServer Server { get; }

    public WebApplication App => Server.App;

    public string BaseUrl => Server.BaseUrl;

    public string Name { get; }

    public IServiceProvider Services => Server.Services;

    /// <summary>The jobs API, as code outside a request (no signed-in user) uses it.</summary>
    public IBackgroundJobs Jobs => _scope.ServiceProvider.GetRequiredService<IBackgroundJobs>();

    internal JobStore Store => Services.GetRequiredService<JobStore>();

    /// <summary>The options every test node starts from: short intervals, so tests wait milliseconds, not seconds.</summary>
    public static void Fast(JobsOptions o)
    {
        o.Concurrency = 8;
        o.PollInterval = TimeSpan.FromMilliseconds(50);
        o.LeaseDuration = TimeSpan.FromSeconds(3);
        o.LeaseRenewInterval = TimeSpan.FromMilliseconds(200);
        o.ProgressFlushInterval = TimeSpan.FromMilliseconds(50);
        o.MaintenanceInterval = TimeSpan.FromMilliseconds(100);
        o.ScheduleInterval = TimeSpan.FromMilliseconds(50);
        o.RetryBaseDelay = TimeSpan.FromMilliseconds(100);
        o.ShutdownGracePeriod = TimeSpan.FromMilliseconds(500);
        o.ArchiveAfter = TimeSpan.FromHours(1);
    }

    /// <summary>Starts a node on <paramref name="database"/> (the caller owns it; other nodes may share it).</summary>
    public static async Task<JobsNode> StartAsync(TestDatabase database, Action<JobsOptions>? configure = null, string? name = null)
    {
        var nodeName = name ?? "node-" + Guid.NewGuid().ToString("N")[..6];
        var server = await TestServer.StartAsync(o =>
        {
            o.Database = database;
            o.UseTestAuthentication = true;
            o.ServiceTypes.Add(typeof(JobTestServices));
            o.ConfigureServices += s => s.AddBaaSJobs(j =>
            {
                j.UseDatabase(database.JobsConnectionString, database.Dialect);
                j.NodeName = nodeName;
                Fast(j);
                configure?.Invoke(j);
            }, typeof(JobsNode).Assembly);
            o.ConfigureApp += app =>
            {
                app.UseAuthentication();
                app.MapHealthChecks("/health");
            };
        });
        return new JobsNode(server, nodeName);
    }

    /// <summary>A typed client signed in as <paramref name="user"/> (<c>id:name|roles|permissions</c>), or anonymous.</summary>
    public JsonApiClient Client(string? user = null) => Server.CreateClient(user);

    /// <summary>A raw HTTP client signed in as <paramref name="user"/>, or anonymous.</summary>
    public HttpClient Http(string? user = null) => Server.CreateHttp(user);

    /// <summary>A connection to the jobs database, for checks in raw SQL.</summary>
    public Task<DataConnection> OpenJobsDbAsync() => Services.GetRequiredService<IDbConnectionFactory>().OpenAsync("jobs");

    /// <summary>Runs a scalar query on the jobs database.</summary>
    public async Task<long> ScalarAsync(string sql, object? param = null)
    {
        await using var db = await OpenJobsDbAsync();
        return await db.SqlScalarAsync<long>(sql, param);
    }

    /// <summary>Waits until the job reaches <paramref name="state"/> (or fails the test).</summary>
    public Task<JobInfo> WaitForAsync(long id, JobState state, TimeSpan? timeout = null) =>
        Eventually.ValueAsync(() => Jobs.GetJobAsync(id)!, j => j?.State == state, $"job {id} is {state}", timeout)!;

    /// <summary>Stops the node gracefully (as the host does on SIGTERM).</summary>
    public Task StopAsync() => Server.StopAsync();

    public async ValueTask DisposeAsync()
    {
        _scope.Dispose();
        await Server.DisposeAsync();
    }
}
