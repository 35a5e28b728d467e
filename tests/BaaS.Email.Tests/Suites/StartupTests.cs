using BaaS.Email.Smtp;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.Email.Tests.Suites;

/// <summary>Which sender configuration picks, and the settings startup refuses, each naming the setting.</summary>
public sealed class StartupTests
{
    private static SmtpTestService Smtp => SmtpTestService.Instance;

    private static async Task<string> StartupFailureAsync(Dictionary<string, string?> configuration, Delivery delivery = Delivery.Direct, string environment = "Development")
    {
        var e = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var app = await EmailApp.StartAsync(TestDatabaseKind.SqliteFile, delivery, configuration, environment);
        });
        return e.Message;
    }

    [Fact]
    public async Task Without_smtp_host_the_default_sender_stays_and_with_it_smtp_is_used_queued_when_the_app_has_jobs()
    {
        await using (var none = await EmailApp.StartAsync(TestDatabaseKind.SqliteFile, Delivery.Direct, []))
        {
            Assert.Equal("LogEmailSender", none.Services.GetRequiredService<IEmailSender>().GetType().Name);
            Assert.Equal("""{"sender":"log","queued":false,"writesMessages":true}""", await PluginAsync(none));
        }
        await using (var direct = await EmailApp.StartAsync(TestDatabaseKind.SqliteFile, Delivery.Direct, Smtp.Settings()))
        {
            Assert.IsType<SmtpEmailSender>(direct.Services.GetRequiredService<IEmailSender>());
            Assert.Equal("""{"sender":"smtp","queued":false}""", await PluginAsync(direct));
        }
        await using (var queued = await EmailApp.StartAsync(TestDatabaseKind.SqliteFile, Delivery.Queued, Smtp.Settings()))
        {
            Assert.Equal("QueuedEmailSender", queued.Services.GetRequiredService<IEmailSender>().GetType().Name);
            Assert.Equal("""{"sender":"smtp","queued":true}""", await PluginAsync(queued));
        }
        var forcedDirect = Smtp.Settings();
        forcedDirect["Smtp:Queue"] = "false";
        await using (var direct = await EmailApp.StartAsync(TestDatabaseKind.SqliteFile, Delivery.Queued, forcedDirect))
        {
            Assert.IsType<SmtpEmailSender>(direct.Services.GetRequiredService<IEmailSender>());
            Assert.Equal("""{"sender":"smtp","queued":false}""", await PluginAsync(direct));
        }
    }

    /// <summary><c>plugins.email</c> of the app's metadata, as JSON text; it never names the server or the account.</summary>
    private static async Task<string> PluginAsync(TestServer app)
    {
        using var http = app.CreateHttp();
        using var metadata = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/metadata/app.json"));
        return metadata.RootElement.GetProperty("plugins").GetProperty("email").GetRawText();
    }

    [Fact]
    public async Task Production_requiring_confirmed_email_refuses_to_start_without_an_email_sender_naming_smtp_host()
    {
        var message = await StartupFailureAsync(new() { ["Auth:RequireConfirmedEmail"] = "true" }, environment: "Production");
        Assert.Contains("Auth:RequireConfirmedEmail", message, StringComparison.Ordinal);
        Assert.Contains("Smtp:Host", message, StringComparison.Ordinal);

        var withSmtp = Smtp.Settings();
        withSmtp["Auth:RequireConfirmedEmail"] = "true";
        await using var app = await EmailApp.StartAsync(TestDatabaseKind.SqliteFile, Delivery.Direct, withSmtp, "Production");
        Assert.IsType<SmtpEmailSender>(app.Services.GetRequiredService<IEmailSender>());
    }

    [Fact]
    public async Task Production_without_an_email_sender_starts_and_warns_once_naming_smtp_host()
    {
        await using var app = await EmailApp.StartAsync(TestDatabaseKind.SqliteFile, Delivery.Direct, [], "Production");
        var warning = Assert.Single(app.Logs.Messages, m => m.Message.StartsWith("No email sender is configured", StringComparison.Ordinal));
        Assert.Contains("Smtp:Host", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Smtp:From", "", "Smtp:From is not set")]
    [InlineData("Smtp:From", "not an address", "Smtp:From 'not an address'")]
    [InlineData("Smtp:Port", "70000", "Smtp:Port is 70000")]
    [InlineData("Smtp:Timeout", "00:00:00", "Smtp:Timeout")]
    [InlineData("Smtp:UserName", "mailer", "Smtp:Password is not")]
    [InlineData("Smtp:QueueRetryLimit", "-1", "Smtp:QueueRetryLimit")]
    [InlineData("Smtp:Queue", "true", "Smtp:Queue is true but the app has no jobs")]
    public async Task Smtp_settings_that_cannot_work_fail_startup_naming_the_setting(string key, string value, string expected)
    {
        var settings = Smtp.Settings();
        settings[key] = value;
        Assert.Contains(expected, await StartupFailureAsync(settings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_in_plain_text_to_a_server_elsewhere_fails_startup_but_not_to_localhost()
    {
        var remote = Smtp.Settings();
        (remote["Smtp:Host"], remote["Smtp:UserName"], remote["Smtp:Password"]) = ("smtp.baas-tests.example", "mailer", "secret");
        Assert.Contains("Smtp:Security is None but a password is set", await StartupFailureAsync(remote), StringComparison.Ordinal);

        var local = Smtp.Settings();
        (local["Smtp:UserName"], local["Smtp:Password"]) = ("mailer", "secret");
        await using var app = await EmailApp.StartAsync(TestDatabaseKind.SqliteFile, Delivery.Direct, local);
        Assert.IsType<SmtpEmailSender>(app.Services.GetRequiredService<IEmailSender>());
    }
}
