using System.Text.RegularExpressions;
using BaaS.Auth;
using BaaS.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BaaS.Email.Tests;

/// <summary>Where an app keeps its cache, and so its one-time codes.</summary>
public enum CacheStore
{
    /// <summary>In the process (the embedded default).</summary>
    Memory,

    /// <summary>On Redis (<c>ConnectionStrings:Redis</c>).</summary>
    Redis,
}

/// <summary>
/// An <see cref="EmailApp"/> (SMTP during the request) with one-time codes: its cache in memory or on Redis (a key prefix
/// of its own), its clock a <see cref="TestClock"/> (codes expire by moving it), accounts made with <see cref="Register"/>.
/// </summary>
public static partial class CodeApp
{
    /// <summary>The settings of a code app on the run's SMTP server: no confirmation email at sign-up, no resend interval unless a test sets one.</summary>
    public static Dictionary<string, string?> Settings(Dictionary<string, string?>? more = null)
    {
        var settings = SmtpTestService.Instance.Settings();
        settings["Auth:SendConfirmationEmail"] = "false";
        settings["Auth:SignInCodes:ResendInterval"] = "00:00:00";
        foreach (var (key, value) in more ?? []) settings[key] = value;
        return settings;
    }

    /// <summary>Sets up <paramref name="o"/>: the email app, the cache store, the clock.</summary>
    public static void Configure(TestServerOptions o, TestDatabaseKind kind, CacheStore store, TestClock clock, Dictionary<string, string?> settings,
        Delivery delivery = Delivery.Direct, string environment = "Development", string? redis = null)
    {
        EmailApp.Configure(o, kind, delivery, settings, environment);
        o.BaaS += b => b.ServiceName = $"CodeTests{Guid.NewGuid():N}";
        if (store == CacheStore.Redis) o.Configuration["ConnectionStrings:Redis"] = redis ?? RedisTestService.Instance.ConnectionString;
        o.ConfigureBuilder += b =>
        {
            b.Services.AddBaaSRedis(b.Configuration);
            b.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
        };
    }

    /// <summary>Starts a code app of a test's own.</summary>
    public static Task<TestServer> StartAsync(TestDatabaseKind kind, CacheStore store, TestClock clock, Dictionary<string, string?> settings,
        Delivery delivery = Delivery.Direct, string environment = "Development", string? redis = null, Action<TestServerOptions>? more = null) =>
        TestServer.StartAsync(o =>
        {
            Configure(o, kind, store, clock, settings, delivery, environment, redis);
            more?.Invoke(o);
        });

    /// <summary>Registers an account with a password at a new address.</summary>
    public static async Task<Account> NewAccountAsync(this TestServer app, string prefix = "code")
    {
        var account = new Account(EmailApp.NewAddress(prefix), "Pass-" + Guid.NewGuid().ToString("N")[..10]);
        using var client = app.CreateClient();
        await client.SendAsync(new Register { Email = account.Email, Password = account.Password });
        return account;
    }

    /// <summary>A code that is not <paramref name="code"/>.</summary>
    public static string Other(string code) => ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The stored account of <paramref name="email"/>.</summary>
    public static async Task<BaaSUser> UserAsync(this TestServer app, string email)
    {
        await using var db = await app.Db.OpenAsync();
        var normalized = email.ToUpperInvariant();
        return await db.SingleAsync<BaaSUser>(u => u.NormalizedEmail == normalized) ?? throw new Xunit.Sdk.XunitException($"No account has {email}.");
    }

    /// <summary>Waits for the <paramref name="nth"/> email (from 1) to <paramref name="email"/> and returns the code in it.</summary>
    public static async Task<string> CodeAsync(string email, int nth = 1) =>
        CodeIn((await SmtpTestService.Instance.Mailbox.WaitForAsync(email, nth))[nth - 1]);

    /// <summary>The code in a received email's text body: the one line of six digits alone (the greeting's address may hold digits too).</summary>
    public static string CodeIn(ReceivedEmail email) => Assert.Single(CodePattern().Matches(email.Message.TextBody ?? "")).Groups[1].Value;

    [GeneratedRegex(@"^\s*(\d{6})\s*$", RegexOptions.Multiline)]
    private static partial Regex CodePattern();
}

/// <summary>An account a test registered.</summary>
public sealed record Account(string Email, string Password);
