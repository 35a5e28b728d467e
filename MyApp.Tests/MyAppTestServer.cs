using System.Security.Cryptography;
using BaaS;
using Microsoft.Extensions.DependencyInjection;
using MyApp.ServiceInterface;

namespace MyApp.Tests;

/// <summary>
/// MyApp as `dotnet run` starts it (the same startup modules, migrations and demo data) on a <see cref="TestServer"/>,
/// with what tests need on top: the first admin from configuration when given, no sign-in rate limit, cheap password
/// hashes, and what the app prints for people (the demo users' credentials) captured.
/// </summary>
public static class MyAppTestServer
{
    /// <summary>Makes <paramref name="options"/> start MyApp; the database's connection string becomes <c>DefaultConnection</c>.</summary>
    public static void Configure(TestServerOptions options, TextWriter demoOutput, string? adminEmail, string? adminPassword)
    {
        options.UseBaaS = false; // MyApp's modules turn the framework on
        options.RegisterConnectionFactory = false; // Configure.Db builds the factory from DefaultConnection
        options.ConnectionStringName = "DefaultConnection";
        if (adminEmail is not null)
        {
            options.Configuration["Auth:Admin:Email"] = adminEmail;
            options.Configuration["Auth:Admin:Password"] = adminPassword;
        }
        options.Configuration["Database:SeedDemoData"] = "true"; // as appsettings.Development.json says, which tests do not load
        options.Configuration["Auth:RateLimit:PermitLimit"] = "100000";
        // The demo customer orders in many tests of one run; RateLimitTests checks MyApp's own PlaceOrder policy.
        options.Configuration.TryAdd("BaaS:RateLimits:Policies:PlaceOrder:PermitLimit", "100000");
        options.Configuration["Auth:PasswordHashIterations"] = "1000";
        options.ConfigureServices += s => s.AddSingleton(new DemoCredentialsOutput(demoOutput));
        options.ConfigureBuilder += b => b.AddModules(typeof(ConfigureAppHost).Assembly);
        options.ConfigureApp += app => app.UseModules();
    }

    /// <summary>Starts MyApp over <paramref name="database"/> (left in place when the server stops: the caller owns it).</summary>
    public static Task<TestServer> StartAsync(TestDatabase database, TextWriter demoOutput, string? adminEmail = null, string? adminPassword = null,
        Action<TestServerOptions>? configure = null) =>
        TestServer.StartAsync(o =>
        {
            o.Database = database;
            Configure(o, demoOutput, adminEmail, adminPassword);
            configure?.Invoke(o);
        });

    /// <summary>A password generated for this run.</summary>
    public static string NewPassword() => RandomNumberGenerator.GetString("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);

    /// <summary>The passwords in what the app printed (the last one of each user), by email.</summary>
    public static Dictionary<string, string> PrintedPasswords(string printed) => DemoCredentialsOutput.ReadPasswords(printed);
}
