using BaaS.Data;
using MyApp.ServiceInterface;

namespace MyApp;

/// <summary>
/// Brings the schema up to date before the server takes requests (hosted services start before Kestrel listens),
/// and, in Development when <c>Database:SeedDemoData</c> is true (appsettings.Development.json sets it), adds the demo
/// users (printing their generated passwords once, to the console) and the demo restaurants when they are missing.
/// Outside Development nothing is seeded at startup, whatever the setting says: demo accounts (an Admin among them)
/// with passwords in a container's log are a way in. <c>--seed</c> adds them on purpose.
/// </summary>
internal sealed partial class MigrateOnStartup(
    Migrator migrator, IServiceScopeFactory scopes, IConfiguration configuration, IHostEnvironment environment, ILogger<MigrateOnStartup> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var applied = await migrator.RunAsync(cancellationToken);
        if (applied.Count > 0) LogApplied(logger, string.Join(", ", applied));
        if (!configuration.GetValue("Database:SeedDemoData", false)) return;
        if (!environment.IsDevelopment())
        {
            LogNotSeeded(logger, environment.EnvironmentName);
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var seeded = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(reset: false, newPasswords: false, cancellationToken);
        if (seeded.RestaurantsAdded > 0) LogSeeded(logger, seeded.RestaurantsAdded);
        if (seeded.Credentials.Count == 0)
            LogDemoUsers(logger, string.Join(", ", DemoSeeder.Accounts.Select(a => a.Email)));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migrations: {Migrations}")]
    private static partial void LogApplied(ILogger logger, string migrations);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Database:SeedDemoData is ignored in {Environment}: demo users are made only in Development, or by `--seed`")]
    private static partial void LogNotSeeded(ILogger logger, string environment);

    [LoggerMessage(Level = LogLevel.Information, Message = "Added {Count} demo restaurants")]
    private static partial void LogSeeded(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Demo users: {Emails} (their passwords were printed at first start; `dotnet run --project MyApp -- --seed --new-passwords` prints new ones)")]
    private static partial void LogDemoUsers(ILogger logger, string emails);
}
