using System.Security.Cryptography;
using BaaS.Auth;
using BaaS.Data;
using BaaS.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.Email.Tests;

/// <summary>How a test app sends its emails.</summary>
public enum Delivery
{
    /// <summary>Through SMTP during the request (no jobs).</summary>
    Direct,

    /// <summary>Queued on the jobs, sent in the background (the app has jobs).</summary>
    Queued,
}

/// <summary>
/// An app as a real one is configured: auth bound from the <c>Auth</c> section, <c>AddBaaSSmtp</c> from the <c>Smtp</c>
/// section, jobs (fast intervals) when <see cref="Delivery.Queued"/>, on its own database with the auth migrations.
/// </summary>
public static class EmailApp
{
    /// <summary>Starts the app; throws what startup throws.</summary>
    public static Task<TestServer> StartAsync(TestDatabaseKind kind, Delivery delivery, Dictionary<string, string?> configuration,
        string environment = "Development") =>
        TestServer.StartAsync(o => Configure(o, kind, delivery, configuration, environment));

    /// <summary>Sets up <paramref name="o"/> as <see cref="StartAsync"/> starts it, for a fixture that adds its own callbacks after.</summary>
    public static void Configure(TestServerOptions o, TestDatabaseKind kind, Delivery delivery, Dictionary<string, string?> configuration,
        string environment = "Development")
    {
        o.EnvironmentName = environment;
        o.FollowRedirects = false;
        o.Dialect = kind;
        o.DatabasePrefix = "email_tests";
        o.PrepareDatabase = async factory => await new Migrator(factory, AuthMigrations.Types).RunAsync();
        if (environment != "Development") o.Configuration["Auth:Jwt:Secret"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        foreach (var (key, value) in configuration) o.Configuration[key] = value;
        o.BaaS += b => b.ServiceName = "EmailTests";
        if (delivery == Delivery.Queued)
        {
            o.ConfigureConnections = (factory, database) => factory.RegisterConnection("jobs", database.SiblingConnectionString("jobs"), database.Dialect);
            o.ConfigureServices += s => s.AddBaaSJobs(Fast);
        }
        o.ConfigureBuilder += b =>
        {
            b.Services.AddBaaSAuth(b.Configuration.GetSection("Auth"), a =>
            {
                a.PasswordHashIterations = 1_000;
                a.RateLimit.Enabled = false;
            });
            b.Services.AddBaaSSmtp(b.Configuration.GetSection("Smtp"));
        };
    }

    /// <summary>Short job intervals, so a retry comes within a fraction of a second.</summary>
    private static void Fast(JobsOptions o)
    {
        o.PollInterval = TimeSpan.FromMilliseconds(50);
        o.RetryBaseDelay = TimeSpan.FromMilliseconds(200);
        o.MaxRetryDelay = TimeSpan.FromMilliseconds(500);
        o.LeaseDuration = TimeSpan.FromSeconds(5);
        o.LeaseRenewInterval = TimeSpan.FromMilliseconds(500);
        o.ShutdownGracePeriod = TimeSpan.FromMilliseconds(500);
        o.ArchiveAfter = TimeSpan.FromHours(1); // the tests read the queued emails' rows
    }

    /// <summary>The stored rows of queued emails to <paramref name="to"/>: the argument as stored, the attempts so far, the state and last error code.</summary>
    public static async Task<List<QueuedRow>> QueuedRowsAsync(TestServer app, string to)
    {
        await using var db = await app.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync("jobs");
        return await db.SqlListAsync<QueuedRow>(
            "select arg, attempts, state, error_code from baas_job where command = @command and arg like @pattern",
            new { command = nameof(Smtp.SendQueuedEmailCommand), pattern = "%" + to + "%" });
    }

    /// <summary>A unique address at the test domain, so that tests sharing the SMTP server read only their own mail.</summary>
    public static string NewAddress(string prefix = "user") => $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}@baas-tests.example";
}

/// <summary>A queued email's job row.</summary>
public sealed class QueuedRow
{
    public string Arg { get; set; } = "";
    public int Attempts { get; set; }
    public JobState State { get; set; }
    public string? ErrorCode { get; set; }
}
