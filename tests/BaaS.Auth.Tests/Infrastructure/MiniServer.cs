using BaaS.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.Auth.Tests.Infrastructure;

/// <summary>
/// An app configured the way a real one is, on a <see cref="TestServer"/>: auth options bound from configuration (the
/// <c>Auth</c> section), a SQLite database with the auth migrations, log entries captured. For startup and
/// configuration tests.
/// </summary>
public static class MiniServer
{
    /// <summary>Builds the app; throws what startup throws (the database is removed then).</summary>
    /// <param name="environment">The host environment (startup checks are stricter in Production).</param>
    /// <param name="configuration">Configuration values, the auth options under <c>Auth:</c>.</param>
    /// <param name="contentRoot">The content root (for .env files and keys); the current folder when null.</param>
    /// <param name="migrate">Runs the auth migrations first (false to start on an empty database).</param>
    /// <param name="services">The test's own registrations, before the auth feature's.</param>
    /// <param name="shareDatabaseWith">A node to share the database with (this one then neither creates nor drops it).</param>
    public static Task<TestServer> StartAsync(string environment, Dictionary<string, string?> configuration, string? contentRoot = null, bool migrate = true,
        Action<IServiceCollection>? services = null, TestServer? shareDatabaseWith = null) =>
        TestServer.StartAsync(o =>
        {
            o.EnvironmentName = environment;
            o.ContentRoot = contentRoot;
            o.FollowRedirects = false;
            foreach (var (key, value) in configuration) o.Configuration[key] = value;
            if (shareDatabaseWith is not null) o.Database = shareDatabaseWith.Database;
            else
            {
                o.Dialect = TestDatabaseKind.SqliteFile;
                o.DatabasePrefix = "auth_tests";
                if (migrate) o.PrepareDatabase = async factory => await new Migrator(factory, AuthMigrations.Types).RunAsync();
            }
            o.BaaS += b => b.ServiceName = "Mini";
            o.ConfigureServices += services;
            o.ConfigureBuilder += b => b.Services.AddBaaSAuth(b.Configuration.GetSection("Auth"), a => a.PasswordHashIterations = 1_000);
        });
}
