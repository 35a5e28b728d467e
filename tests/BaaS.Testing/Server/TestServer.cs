using System.Net;
using System.Net.Sockets;
using BaaS.Client;
using BaaS.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BaaS.Testing;

/// <summary>
/// An app on a real Kestrel at <c>http://127.0.0.1:0</c> (a free port), for tests that call it the way clients do:
/// through <see cref="CreateClient"/> (the typed client and the same DTOs) or <see cref="Http"/> (exact bytes).
/// Its log entries are kept in <see cref="Logs"/>. Start one with <see cref="StartAsync(Action{TestServerOptions})"/>;
/// disposing it stops the app and drops the database it created.
/// </summary>
public sealed class TestServer : IAsyncDisposable
{
    private readonly TestDatabase? _ownedDatabase;
    private readonly DbConnectionFactory? _factory;
    private readonly bool _followRedirects;
    private bool _stopped;

    private TestServer(WebApplication app, string baseUrl, TestLogs logs, TestDatabase? database, TestDatabase? ownedDatabase, DbConnectionFactory? factory,
        bool followRedirects)
    {
        _followRedirects = followRedirects;
        App = app;
        BaseUrl = baseUrl;
        Logs = logs;
        Database = database;
        _ownedDatabase = ownedDatabase;
        _factory = factory;
        Http = new HttpClient { BaseAddress = new Uri(baseUrl) };
    }

    /// <summary>The running app.</summary>
    public WebApplication App { get; }

    /// <summary>The app's services.</summary>
    public IServiceProvider Services => App.Services;

    /// <summary>The host environment's name (Development unless the options said otherwise).</summary>
    public string EnvironmentName => App.Environment.EnvironmentName;

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public string BaseUrl { get; }

    /// <summary>A raw client on <see cref="BaseUrl"/>, for exact-bytes protocol tests (anonymous, follows redirects).</summary>
    public HttpClient Http { get; }

    /// <summary>Every log entry the app wrote at or above the options' minimum level.</summary>
    public TestLogs Logs { get; }

    /// <summary>The database the app runs on, when the options gave or asked for one.</summary>
    public TestDatabase? Database { get; }

    /// <summary>The connection factory registered in the app (null when the server registered none).</summary>
    public DbConnectionFactory Db => _factory ?? throw new InvalidOperationException("This test server has no database: set TestServerOptions.Dialect or Database.");

    /// <summary>A typed client on the server, acting as <paramref name="user"/> (see <see cref="TestAuthentication.Header"/>) or anonymous.</summary>
    public JsonApiClient CreateClient(string? user = null)
    {
        var client = new JsonApiClient(BaseUrl);
        if (user is not null) client.Headers[TestAuthentication.Header] = user;
        return client;
    }

    /// <summary>
    /// A new raw client: acting as <paramref name="user"/> or anonymous, following redirects or not (by default as
    /// <see cref="TestServerOptions.FollowRedirects"/> says), keeping cookies or not, connecting from
    /// <paramref name="from"/> (a loopback address such as 127.0.0.7, so one test can be several clients) when given.
    /// </summary>
    public HttpClient CreateHttp(string? user = null, bool? followRedirects = null, bool cookies = false, IPAddress? from = null)
    {
        var handler = new SocketsHttpHandler { AllowAutoRedirect = followRedirects ?? _followRedirects, UseCookies = cookies, CookieContainer = new CookieContainer() };
        if (from is not null) handler.ConnectCallback = (context, ct) => ConnectFromAsync(from, context.DnsEndPoint, ct);
        var http = new HttpClient(handler) { BaseAddress = new Uri(BaseUrl) };
        if (user is not null) http.DefaultRequestHeaders.Add(TestAuthentication.Header, user);
        return http;
    }

    private static async ValueTask<Stream> ConnectFromAsync(IPAddress from, DnsEndPoint to, CancellationToken ct)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Bind(new IPEndPoint(from, 0));
            await socket.ConnectAsync(to, ct).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Builds and starts an app; throws what its startup throws (after removing what it created).</summary>
    public static Task<TestServer> StartAsync(Action<TestServerOptions>? configure = null)
    {
        var options = new TestServerOptions();
        configure?.Invoke(options);
        return StartAsync(options);
    }

    /// <summary>Builds and starts an app serving <paramref name="serviceTypes"/>, after <paramref name="configure"/>.</summary>
    public static Task<TestServer> StartAsync(IEnumerable<Type> serviceTypes, Action<TestServerOptions>? configure = null) =>
        StartAsync(o =>
        {
            o.ServiceTypes.AddRange(serviceTypes);
            configure?.Invoke(o);
        });

    /// <summary>Builds and starts an app from <paramref name="options"/>.</summary>
    public static async Task<TestServer> StartAsync(TestServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var owned = options.Database is null && options.Dialect is { } kind ? await TestDatabase.CreateAsync(kind, options.DatabasePrefix) : null;
        var database = options.Database ?? owned;
        DbConnectionFactory? factory = null;
        WebApplication? app = null;
        try
        {
            var logs = new TestLogs(options.MinimumLogLevel);
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = options.EnvironmentName, ContentRootPath = options.ContentRoot });
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            // Outside Development the platform refuses to start without a public URL and allowed hosts: a test server
            // has its loopback ones unless the test set the keys itself (to null, to see the refusal), and no HTTPS redirect.
            var settings = new Dictionary<string, string?>(options.Configuration, StringComparer.OrdinalIgnoreCase);
            if (options.EnvironmentName != "Development")
            {
                settings.TryAdd("PublicUrl", "http://127.0.0.1");
                settings.TryAdd("AllowedHosts", "127.0.0.1;localhost");
                // The server listens on plain HTTP: an https public URL must not send every request away to it.
                settings.TryAdd("BaaS:Security:Https:Redirect", "false");
            }
            // Rate limits are on by default (600 calls a minute per caller); a suite's many anonymous calls from one
            // loopback address are not a client's, so the default budget is out of their way unless a test sets it.
            settings.TryAdd("BaaS:RateLimits:Default:PermitLimit", "1000000");
            builder.Configuration.AddInMemoryCollection(settings);
            if (database is not null && options.ConnectionStringName is { } name)
                builder.Configuration[$"ConnectionStrings:{name}"] = database.ConnectionString;
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(logs);
            builder.Logging.SetMinimumLevel(options.MinimumLogLevel);
            if (database is not null && options.RegisterConnectionFactory)
            {
                factory = database.CreateFactory();
                options.ConfigureConnections?.Invoke(factory, database);
                if (options.PrepareDatabase is { } prepare) await prepare(factory);
                builder.Services.AddSingleton<IDbConnectionFactory>(factory);
            }
            else if (database is not null && options.PrepareDatabase is { } prepare)
            {
                await using var own = database.CreateFactory();
                await prepare(own);
            }
            if (options.UseTestAuthentication) builder.Services.AddTestAuthentication();
            if (options.UseBaaS)
            {
                builder.Services.AddBaaS(o =>
                {
                    o.ServiceTypes.AddRange(options.ServiceTypes);
                    options.BaaS?.Invoke(o);
                });
            }
            options.ConfigureServices?.Invoke(builder.Services);
            options.ConfigureBuilder?.Invoke(builder);
            app = builder.Build();
            options.ConfigureApp?.Invoke(app);
            if (options.UseBaaS) app.UseBaaS();
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new TestServer(app, address, logs, database, owned, factory, options.FollowRedirects);
        }
        catch
        {
            if (app is not null) await app.DisposeAsync();
            if (factory is not null) await factory.DisposeAsync();
            if (owned is not null) await owned.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the app gracefully, as the host does on SIGTERM (the server stays disposable).</summary>
    public async Task StopAsync()
    {
        if (_stopped) return;
        _stopped = true;
        await App.StopAsync();
    }

    /// <summary>Stops the app, closes its connection pool and drops the database the server created.</summary>
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await StopAsync();
        await App.DisposeAsync();
        if (_factory is not null) await _factory.DisposeAsync();
        if (_ownedDatabase is not null) await _ownedDatabase.DisposeAsync();
    }
}
