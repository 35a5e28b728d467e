using BaaS.Data;
using MyApp.ServiceInterface;

namespace MyApp;

/// <summary>
/// Brings the schema up to date before the server takes requests (hosted services start before Kestrel listens),
/// and, when <c>Database:SeedDemoData</c> is true (the default), adds the demo users (printing their generated passwords
/// once, to the console) and the demo restaurants when they are missing.
/// </summary>
internal sealed partial class MigrateOnStartup(
    Migrator migrator, IServiceScopeFactory scopes, IConfiguration configuration, ILogger<MigrateOnStartup> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var applied = await migrator.RunAsync(cancellationToken);
        if (applied.Count > 0) LogApplied(logger, string.Join(", ", applied));
        if (!configuration.GetValue("Database:SeedDemoData", true)) return;
        await using var scope = scopes.CreateAsyncScope();
        var seeded = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(reset: false, newPasswords: false, cancellationToken);
        if (seeded.RestaurantsAdded > 0) LogSeeded(logger, seeded.RestaurantsAdded);
        if (seeded.Credentials.Count == 0)
            LogDemoUsers(logger, string.Join(", ", DemoSeeder.Accounts.Select(a => a.Email)));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migrations: {Migrations}")]
    private static partial void LogApplied(ILogger logger, string migrations);

    [LoggerMessage(Level = LogLevel.Information, Message = "Added {Count} demo restaurants")]
    private static partial void LogSeeded(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Demo users: {Emails} (their passwords were printed at first start; `dotnet run --project MyApp -- --seed --new-passwords` prints new ones)")]
    private static partial void LogDemoUsers(ILogger logger, string emails);
}
