using BaaS;
using BaaS.Data;
using BaaS.Jobs;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
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
        var jobsDatabase = JobsDatabase(builder.Configuration, builder.Environment.ContentRootPath);
        var staleAfter = builder.Configuration.GetValue("Jobs:StaleOrderMinutes", 60);
        var sweep = builder.Configuration.GetValue("Jobs:StaleOrderSchedule", "*/5 * * * *")!;

        #region snippet:jobs-configure
        builder.Services.AddBaaSJobs(options =>
        {
            options.UseDatabase(jobsDatabase.ConnectionString, jobsDatabase.Dialect);
            builder.Configuration.GetSection("Jobs").Bind(options);
            options.RecurringCommand<CloseStaleOrdersCommand>("close-stale-orders", Schedule.Parse(sweep),
                new CloseStaleOrders { OlderThanMinutes = staleAfter });
        }, typeof(SendOrderConfirmationCommand).Assembly);
        #endregion
    }

    public void Configure(WebApplication app) =>
        app.MapHealthChecks("/health/jobs", new HealthCheckOptions { Predicate = check => check.Tags.Contains("jobs") });

    /// <summary>
    /// Where the jobs live: <c>ConnectionStrings:JobsConnection</c> if set; else the app's database when it is on a
    /// server (PostgreSQL); else a <c>jobs.db</c> beside the app's embedded database file (in <c>App_Data</c> when that
    /// lives in memory), so that the jobs' writes do not wait for the app's single writer. Always with its own, explicit dialect.
    /// </summary>
    public static DatabaseConnectionString JobsDatabase(IConfiguration configuration, string contentRoot)
    {
        if (configuration.GetConnectionString("JobsConnection") is { } jobs)
        {
            var own = DialectDetector.Detect(jobs, "ConnectionStrings:JobsConnection", contentRoot, ConfigureDb.Dialects);
            if (own.InMemory)
                throw new InvalidOperationException("ConnectionStrings:JobsConnection cannot be an in-memory database: jobs must survive a restart.");
            return own.EnsureFolder();
        }
        var app = ConfigureDb.AppDatabase(configuration, contentRoot);
        if (!app.IsEmbedded) return app;
        var folder = app.File is { } file ? Path.GetDirectoryName(file)! : Path.Combine(contentRoot, "App_Data");
        return DialectDetector.Detect(Path.Combine(folder, "jobs.db"), "the jobs file beside ConnectionStrings:DefaultConnection",
            contentRoot, app.Dialect).EnsureFolder();
    }
}
