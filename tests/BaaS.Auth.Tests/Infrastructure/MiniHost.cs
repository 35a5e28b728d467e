using System.Collections.Concurrent;
using BaaS.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BaaS.Auth.Tests.Infrastructure;

/// <summary>
/// An app configured the way a real one is: auth options bound from configuration (the <c>Auth</c> section), a SQLite
/// database with the auth migrations, log messages captured. For startup and configuration tests.
/// </summary>
public sealed class MiniHost : IAsyncDisposable
{
    private readonly SqliteTestDatabase? _database;
    private readonly DbConnectionFactory _factory;

    private MiniHost(WebApplication app, SqliteTestDatabase? database, DbConnectionFactory factory, LogCollector logs, string baseUrl)
    {
        App = app;
        _database = database;
        _factory = factory;
        Logs = logs;
        BaseUrl = baseUrl;
    }

    public WebApplication App { get; }

    public LogCollector Logs { get; }

    public string BaseUrl { get; }

    public DbConnectionFactory Db => _factory;

    public HttpClient CreateHttp() => new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(BaseUrl) };

    /// <summary>Builds the app; throws what startup throws (the database is removed then).</summary>
    public static async Task<MiniHost> StartAsync(string environment, Dictionary<string, string?> configuration, string? contentRoot = null, bool migrate = true,
        Action<IServiceCollection>? services = null, MiniHost? shareDatabaseWith = null)
    {
        // A node sharing another's database neither creates nor drops it.
        var database = shareDatabaseWith is null ? new SqliteTestDatabase() : null;
        var factory = shareDatabaseWith?._factory ?? await database!.CreateAsync();
        var logs = new LogCollector();
        try
        {
            if (migrate && database is not null) await new Migrator(factory, AuthMigrations.Types).RunAsync();
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment, ContentRootPath = contentRoot });
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(logs);
            builder.Logging.SetMinimumLevel(LogLevel.Information);
            builder.Configuration.AddInMemoryCollection(configuration);
            builder.Services.AddSingleton<IDbConnectionFactory>(factory);
            builder.Services.AddBaaS(o => o.ServiceName = "Mini");
            services?.Invoke(builder.Services);
            builder.Services.AddBaaSAuth(builder.Configuration.GetSection("Auth"), o => o.PasswordHashIterations = 1_000);
            var app = builder.Build();
            app.UseBaaS();
            await app.StartAsync();
            var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new MiniHost(app, database, factory, logs, url);
        }
        catch
        {
            if (database is not null)
            {
                factory.Dispose();
                await database.DropAsync();
            }
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (_database is null) return;
        _factory.Dispose();
        await _database.DropAsync();
    }
}

/// <summary>Keeps every log message written.</summary>
public sealed class LogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message)> _messages = new();

    public IReadOnlyList<(LogLevel Level, string Category, string Message)> Messages => [.. _messages];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(LogCollector owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._messages.Enqueue((logLevel, category, formatter(state, exception)));
    }
}
