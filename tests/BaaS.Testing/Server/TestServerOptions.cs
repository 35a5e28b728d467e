using BaaS.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BaaS.Testing;

/// <summary>
/// What a <see cref="TestServer"/> serves and on which database. The callbacks are multicast: a suite's preset and a
/// test can each add theirs with <c>+=</c>. They run in this order: configuration, database, logging and test
/// authentication, <c>AddBaaS</c>, <see cref="ConfigureServices"/>, <see cref="ConfigureBuilder"/>; after the build,
/// <see cref="ConfigureApp"/>, then <c>UseBaaS</c>.
/// </summary>
public sealed class TestServerOptions
{
    /// <summary>The host environment; Development unless a test needs production behaviour.</summary>
    public string EnvironmentName { get; set; } = "Development";

    /// <summary>The content root (for appsettings and .env files); the process's current folder when null.</summary>
    public string? ContentRoot { get; set; }

    /// <summary>Configuration values added in memory on top of the host's defaults (e.g. <c>Auth:Jwt:Secret</c>).</summary>
    public Dictionary<string, string?> Configuration { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A database the server creates for itself and drops when disposed. Ignored when <see cref="Database"/> is set.
    /// </summary>
    public TestDatabaseKind? Dialect { get; set; }

    /// <summary>Names the database the server creates (PostgreSQL database, SQLite folder), to tell suites apart.</summary>
    public string DatabasePrefix { get; set; } = "baas_tests";

    /// <summary>
    /// A database the caller owns: several servers can share one (the multi-node tests). The server registers a
    /// connection factory on it and leaves the database in place when disposed.
    /// </summary>
    public TestDatabase? Database { get; set; }

    /// <summary>
    /// Registers the database's <see cref="DbConnectionFactory"/> as the app's <see cref="IDbConnectionFactory"/>
    /// (default true). False for an app that builds its own factory from a connection string (MyApp).
    /// </summary>
    public bool RegisterConnectionFactory { get; set; } = true;

    /// <summary>
    /// Readies the database before the app is built (migrations, tables, seed data), on the factory the app will use.
    /// One step: assign it rather than adding to it.
    /// </summary>
    public Func<DbConnectionFactory, Task>? PrepareDatabase { get; set; }

    /// <summary>
    /// Also puts the database's connection string in configuration as <c>ConnectionStrings:{name}</c>, for an app that
    /// reads it from there (MyApp's <c>DefaultConnection</c>).
    /// </summary>
    public string? ConnectionStringName { get; set; }

    /// <summary>Adds named connections to the registered factory (e.g. <c>jobs</c>).</summary>
    public Action<DbConnectionFactory, TestDatabase>? ConfigureConnections { get; set; }

    /// <summary>Turns on the <see cref="TestAuthentication"/> scheme (the <c>X-Test-User</c> header).</summary>
    public bool UseTestAuthentication { get; set; }

    /// <summary>Whether clients from <see cref="TestServer.CreateHttp"/> follow redirects unless told (default true).</summary>
    public bool FollowRedirects { get; set; } = true;

    /// <summary>The lowest level <see cref="TestServer.Logs"/> records.</summary>
    public LogLevel MinimumLogLevel { get; set; } = LogLevel.Information;

    /// <summary>
    /// Calls <c>AddBaaS</c> and <c>UseBaaS</c> (default true). False for an app whose own startup turns the framework
    /// on (MyApp's modules): it then does so in <see cref="ConfigureServices"/> and <see cref="ConfigureApp"/>.
    /// </summary>
    public bool UseBaaS { get; set; } = true;

    /// <summary>The service classes <c>AddBaaS</c> serves.</summary>
    public List<Type> ServiceTypes { get; } = [];

    /// <summary>Changes the framework's options (service name, limits) after <see cref="ServiceTypes"/> are added.</summary>
    public Action<BaaSOptions>? BaaS { get; set; }

    /// <summary>Registers the suite's own services and features (<c>AddAutoQuery</c>, <c>AddBaaSAuth</c>, stores).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }

    /// <summary>Anything else on the builder (configuration sources, Kestrel limits), last before the build.</summary>
    public Action<WebApplicationBuilder>? ConfigureBuilder { get; set; }

    /// <summary>Middleware and endpoints added to the built app before <c>UseBaaS</c>.</summary>
    public Action<WebApplication>? ConfigureApp { get; set; }
}
