using BaaS.Client;
using BaaS.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BaaS.Jobs.Tests;

/// <summary>
/// One jobs node: a real app on Kestrel at 127.0.0.1 with a free port, serving the test APIs and the jobs Admin APIs
/// with the test authentication scheme, running the test commands against a jobs database, with intervals short
/// enough for tests.
/// </summary>
public sealed class TestNode : IAsyncDisposable
{
    public const string Admin = "1|admin|Admin";
    public const string Ops = "2|olive|Ops";
    public const string Customer = "3|carl|Customer";

    private readonly IServiceScope _scope;
    private bool _stopped;

    private TestNode(WebApplication app, string baseUrl, string name)
    {
        App = app;
        BaseUrl = baseUrl;
        Name = name;
        _scope = app.Services.CreateScope();
    }

    public WebApplication App { get; }

    public string BaseUrl { get; }

    public string Name { get; }

    public IServiceProvider Services => App.Services;

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

    public static async Task<TestNode> StartAsync(JobsDatabase database, Action<JobsOptions>? configure = null, string? name = null)
    {
        name ??= "node-" + Guid.NewGuid().ToString("N")[..6];
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var factory = new DbConnectionFactory(database.AppConnectionString, database.Dialect);
        builder.Services.AddSingleton<IDbConnectionFactory>(factory);
        builder.Services.AddAuthentication(TestAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TestAuthenticationHandler>(TestAuthenticationHandler.SchemeName, null);
        builder.Services.AddBaaS(o => o.ServiceTypes.Add(typeof(JobTestServices)));
        builder.Services.AddBaaSJobs(o =>
        {
            o.UseDatabase(database.JobsConnectionString, database.Dialect);
            o.NodeName = name;
            Fast(o);
            configure?.Invoke(o);
        }, typeof(TestNode).Assembly);
        var app = builder.Build();
        app.UseAuthentication();
        app.MapHealthChecks("/health");
        app.UseBaaS();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestNode(app, address, name);
    }

    /// <summary>A typed client signed in as <paramref name="user"/> (<c>id|name|roles|permissions</c>), or anonymous.</summary>
    public JsonApiClient Client(string? user = null)
    {
        var client = new JsonApiClient(BaseUrl);
        if (user is not null) client.Headers[TestAuthenticationHandler.Header] = user;
        return client;
    }

    /// <summary>A raw HTTP client signed in as <paramref name="user"/>, or anonymous.</summary>
    public HttpClient Http(string? user = null)
    {
        var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        if (user is not null) http.DefaultRequestHeaders.Add(TestAuthenticationHandler.Header, user);
        return http;
    }

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
    public async Task StopAsync()
    {
        if (_stopped) return;
        _stopped = true;
        await App.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _scope.Dispose();
        await StopAsync();
        await App.DisposeAsync();
    }
}
