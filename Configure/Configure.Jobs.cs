using BaaS;
using BaaS.Data;
using BaaS.Data.PostgreSQL;
using BaaS.Data.Sqlite;
using BaaS.Jobs;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MyApp.ServiceInterface.Jobs;

namespace MyApp;

/// <summary>
/// Background jobs: a <c>jobs.db</c> beside the app's SQLite database, or the app's PostgreSQL database (its own
/// <c>baas_job*</c> tables) unless <c>ConnectionStrings:JobsConnection</c> names another. Orders queue their
/// confirmation email and restaurant notification; a recurring job closes orders nobody accepted. Settings:
/// the <c>Jobs</c> section binds <see cref="JobsOptions"/> (e.g. <c>Jobs:Concurrency</c>, <c>Jobs:PollInterval</c>),
/// plus <c>Jobs:StaleOrderMinutes</c> (default 60) and <c>Jobs:StaleOrderSchedule</c> (default every 5 minutes).
/// The health check answers at <c>/health/jobs</c>.
/// </summary>
public class ConfigureJobs : IStartupModule
{
    /// <summary>After the database (-100), before the app host (100).</summary>
    public int Order => -50;

    public void ConfigureServices(WebApplicationBuilder builder)
    {
        var (jobsConnection, jobsDialect) = JobsDatabase(builder.Configuration, builder.Environment.ContentRootPath);
        var staleAfter = builder.Configuration.GetValue("Jobs:StaleOrderMinutes", 60);
        var sweep = builder.Configuration.GetValue("Jobs:StaleOrderSchedule", "*/5 * * * *")!;

        #region snippet:jobs-configure
        builder.Services.AddBaaSJobs(options =>
        {
            options.UseDatabase(jobsConnection, jobsDialect);
            builder.Configuration.GetSection("Jobs").Bind(options);
            options.RecurringCommand<CloseStaleOrdersCommand>("close-stale-orders", Schedule.Parse(sweep),
                new CloseStaleOrders { OlderThanMinutes = staleAfter });
        }, typeof(SendOrderConfirmationCommand).Assembly);
        #endregion
    }

    public void Configure(WebApplication app) =>
        app.MapHealthChecks("/health/jobs", new HealthCheckOptions { Predicate = check => check.Tags.Contains("jobs") });

    /// <summary>
    /// Where the jobs live: <c>ConnectionStrings:JobsConnection</c> if set; else the app's PostgreSQL database; else a
    /// <c>jobs.db</c> in the folder of the app's SQLite file. Always with its own, explicit dialect.
    /// </summary>
    public static (string ConnectionString, DialectProvider Dialect) JobsDatabase(IConfiguration configuration, string contentRoot)
    {
        var app = configuration.GetConnectionString("DefaultConnection") ?? "Data Source=App_Data/app.db";
        var jobs = configuration.GetConnectionString("JobsConnection");
        if (IsPostgreSql(jobs ?? app)) return (jobs ?? app, PostgreSqlDialect.Instance);

        var sqlite = new SqliteConnectionStringBuilder(jobs ?? app);
        var inMemory = sqlite.Mode == SqliteOpenMode.Memory || sqlite.DataSource is "" or ":memory:";
        if (jobs is null)
        {
            // Beside the app's file (or in App_Data when the app's database lives in memory).
            var appFile = inMemory ? Path.Combine("App_Data", "app.db") : sqlite.DataSource;
            sqlite = new SqliteConnectionStringBuilder { DataSource = Path.Combine(Path.GetDirectoryName(appFile) ?? "", "jobs.db") };
        }
        else if (inMemory)
        {
            throw new InvalidOperationException("ConnectionStrings:JobsConnection cannot be an in-memory SQLite database: jobs must survive a restart.");
        }
        if (!Path.IsPathRooted(sqlite.DataSource)) sqlite.DataSource = Path.Combine(contentRoot, sqlite.DataSource);
        Directory.CreateDirectory(Path.GetDirectoryName(sqlite.DataSource)!);
        return (sqlite.ToString(), SqliteDialect.Instance);
    }

    private static bool IsPostgreSql(string connectionString) =>
        connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase) ||
        connectionString.StartsWith("postgres", StringComparison.OrdinalIgnoreCase);
}
