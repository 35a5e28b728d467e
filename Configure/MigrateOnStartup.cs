using BaaS.Data;
using MyApp.ServiceInterface;

namespace MyApp;

/// <summary>
/// Brings the schema up to date before the server takes requests (hosted services start before Kestrel listens),
/// and adds the demo data to an empty database when <c>Database:SeedDemoData</c> is true (the default).
/// </summary>
internal sealed partial class MigrateOnStartup(
    Migrator migrator, IDbConnectionFactory factory, TimeProvider clock, IConfiguration configuration, ILogger<MigrateOnStartup> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var applied = await migrator.RunAsync(cancellationToken);
        if (applied.Count > 0) LogApplied(logger, string.Join(", ", applied));
        if (!configuration.GetValue("Database:SeedDemoData", true)) return;
        await using var db = await factory.OpenAsync(cancellationToken);
        var added = await DemoData.SeedAsync(db, clock.GetUtcNow().UtcDateTime, cancellationToken);
        if (added > 0) LogSeeded(logger, added);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migrations: {Migrations}")]
    private static partial void LogApplied(ILogger logger, string migrations);

    [LoggerMessage(Level = LogLevel.Information, Message = "Added {Count} demo restaurants")]
    private static partial void LogSeeded(ILogger logger, int count);
}
