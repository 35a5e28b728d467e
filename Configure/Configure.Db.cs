using BaaS;
using BaaS.Data;
using BaaS.Data.PostgreSQL;
using BaaS.Data.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MyApp.ServiceInterface;
using MyApp.ServiceInterface.Migrations;

namespace MyApp;

/// <summary>
/// The database: SQLite in App_Data by default, PostgreSQL when <c>ConnectionStrings:DefaultConnection</c> is an
/// Npgsql connection string (<c>Host=...;Database=...</c>). Migrations run at startup (<c>Database:MigrateOnStartup</c>)
/// and from the command line: <c>--migrate</c>, <c>--rollback N</c>, <c>--migrations</c>, <c>--seed</c>. With
/// <c>Database:SeedDemoData</c> (the default), startup adds the demo users and restaurants when they are missing.
/// </summary>
public class ConfigureDb : IStartupModule
{
    public int Order => -100;

    public void ConfigureServices(WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("DefaultConnection") ?? "Data Source=App_Data/app.db";
        var factory = CreateFactory(connectionString, builder.Environment.ContentRootPath);
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

    /// <summary>Picks the dialect from the connection string; relative SQLite paths are under the app's content root.</summary>
    public static DbConnectionFactory CreateFactory(string connectionString, string contentRoot)
    {
        if (IsPostgreSql(connectionString))
            return new DbConnectionFactory(connectionString, PostgreSqlDialect.Instance);

        var sqlite = new SqliteConnectionStringBuilder(connectionString);
        var inMemory = sqlite.Mode == SqliteOpenMode.Memory || sqlite.DataSource is "" or ":memory:";
        if (!inMemory)
        {
            if (!Path.IsPathRooted(sqlite.DataSource)) sqlite.DataSource = Path.Combine(contentRoot, sqlite.DataSource);
            Directory.CreateDirectory(Path.GetDirectoryName(sqlite.DataSource)!);
        }
        return new DbConnectionFactory(sqlite.ToString(), SqliteDialect.Instance);
    }

    private static bool IsPostgreSql(string connectionString) =>
        connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase) ||
        connectionString.StartsWith("postgres", StringComparison.OrdinalIgnoreCase);
}
