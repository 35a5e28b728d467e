using BaaS;
using BaaS.Data;
using BaaS.Data.PostgreSQL;
using BaaS.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MyApp.ServiceInterface;
using MyApp.ServiceInterface.Migrations;

namespace MyApp;

/// <summary>
/// The database: SQLite in App_Data by default, PostgreSQL when <c>ConnectionStrings:DefaultConnection</c> is an
/// Npgsql connection string (<c>Host=...;Database=...</c>). Migrations run at startup (<c>Database:MigrateOnStartup</c>)
/// and from the command line: <c>--migrate</c>, <c>--rollback N</c>, <c>--migrations</c>, <c>--seed</c>. With
/// <c>Database:SeedDemoData</c> (set in appsettings.Development.json), startup in Development adds the demo users and
/// restaurants when they are missing; outside Development only <c>--seed</c> does.
/// </summary>
public class ConfigureDb : IStartupModule
{
    public int Order => -100;

    public void ConfigureServices(WebApplicationBuilder builder)
    {
        var factory = AppDatabase(builder.Configuration, builder.Environment.ContentRootPath).EnsureFolder().CreateFactory();
        builder.Services.AddSingleton(factory);
        builder.Services.AddSingleton<IDbConnectionFactory>(factory);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => new Migrator(sp.GetRequiredService<IDbConnectionFactory>(),
            BaaS.Auth.AuthMigrations.With(typeof(Migration0001_CreateRestaurants).Assembly)));

        builder.Services.AddAppCommand(new AppCommand("--migrate", "apply pending migrations, then exit", DatabaseCommands.MigrateAsync));
        builder.Services.AddAppCommand(new AppCommand("--rollback", "revert the last N migrations (default 1), then exit", DatabaseCommands.RollbackAsync));
        builder.Services.AddAppCommand(new AppCommand("--migrations", "list migrations and whether each is applied", DatabaseCommands.StatusAsync));
        builder.Services.AddAppCommand(new AppCommand("--seed",
            "reset the demo data and re-create missing demo users (printing their passwords); --new-passwords also renews existing ones",
            DatabaseCommands.SeedAsync));

        // Demo users' passwords go to the console of whoever started the app, never to a logger.
        builder.Services.TryAddSingleton(new DemoCredentialsOutput(Console.Out));
        builder.Services.AddScoped<DemoSeeder>();

        if (builder.Configuration.GetValue("Database:MigrateOnStartup", true))
            builder.Services.AddHostedService<MigrateOnStartup>();
    }

    /// <summary>The databases this app can run on; <see cref="DialectDetector"/> picks one by its connection string.</summary>
    public static DialectProvider[] Dialects { get; } = [PostgreSqlDialect.Instance, SqliteDialect.Instance];

    /// <summary>
    /// The app's database: <c>ConnectionStrings:DefaultConnection</c> (default <c>Data Source=App_Data/app.db</c>), with
    /// its dialect picked from the string and a relative SQLite path taken under <paramref name="contentRoot"/>.
    /// </summary>
    public static DatabaseConnectionString AppDatabase(IConfiguration configuration, string contentRoot) =>
        DialectDetector.Detect(configuration.GetConnectionString("DefaultConnection") ?? "Data Source=App_Data/app.db",
            "ConnectionStrings:DefaultConnection", contentRoot, Dialects);
}
