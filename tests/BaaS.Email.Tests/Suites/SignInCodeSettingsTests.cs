using System.Globalization;
using System.Net;
using System.Text.Json;
using BaaS.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.Email.Tests.Suites;

/// <summary>
/// What configuration changes about codes, each test an app of its own (SQLite, cache in memory): the resend interval,
/// turning sign-in by code on and off (and its default), the auth rate limit, confirmed emails, queued emails and the
/// startup checks.
/// </summary>
public sealed class SignInCodeSettingsTests
{
    private readonly TestClock _clock = new();

    private Task<TestServer> StartAsync(Dictionary<string, string?> settings, string environment = "Development", Delivery delivery = Delivery.Direct,
        Action<TestServerOptions>? more = null) =>
        CodeApp.StartAsync(TestDatabaseKind.SqliteFile, CacheStore.Memory, _clock, settings, delivery, environment, more: more);

    private static async Task<HttpResponseMessage> SendCodeAsync(HttpClient http, string email) =>
        await http.PostAsync("/auth/send-code", HttpAssert.Json(JsonSerializer.Serialize(new { email })));

    [Fact]
    public async Task Asking_again_within_the_resend_interval_is_429_with_Retry_After_for_any_address()
    {
        await using var app = await StartAsync(CodeApp.Settings(new() { ["Auth:SignInCodes:ResendInterval"] = "00:01:00" }));
        var known = (await app.NewAccountAsync()).Email;
        var unknown = EmailApp.NewAddress("nobody");
        using var http = app.CreateHttp();
        foreach (var email in new[] { known, unknown })
        {
            using (var first = await SendCodeAsync(http, email)) Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            using var again = await SendCodeAsync(http, email);
            var status = await HttpAssert.ErrorAsync(again, HttpStatusCode.TooManyRequests);
            Assert.Equal("TooManyRequests", status.GetProperty("errorCode").GetString());
            Assert.Equal("CodeSentRecently", HttpAssert.FieldError(status, "Email").GetProperty("errorCode").GetString());
            Assert.InRange(int.Parse(again.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture), 1, 60);
        }
        Assert.Single(await SmtpTestService.Instance.Mailbox.WaitForAsync(known));

        using (_clock.Advance(TimeSpan.FromSeconds(61)))
        using (var later = await SendCodeAsync(http, known))
            Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.Equal(2, (await SmtpTestService.Instance.Mailbox.WaitForAsync(known, 2)).Count);
    }

    [Fact]
    public async Task Turned_off_the_code_sign_in_answers_404_and_is_not_offered_but_email_confirmation_codes_stay()
    {
        await using var app = await StartAsync(CodeApp.Settings(new() { ["Auth:SignInCodes:Enabled"] = "false" }));
        var account = await app.NewAccountAsync();
        using var client = app.CreateClient();
        var send = await client.ApiAsync(new SendSignInCode { Email = account.Email });
        Assert.Equal((404, "SignInCodesDisabled"), (send.StatusCode, send.ErrorCode));
        var signIn = await client.ApiAsync(new SignInWithCode { Email = account.Email, Code = "123456" });
        Assert.Equal((404, "SignInCodesDisabled"), (signIn.StatusCode, signIn.ErrorCode));
        Assert.DoesNotContain("emailcode", await ProvidersAsync(app));

        var auth = await client.SendAsync(new Authenticate { Provider = "credentials", UserName = account.Email, Password = account.Password });
        client.BearerToken = auth.BearerToken;
        await client.SendAsync(new SendEmailVerificationCode());
        await client.SendAsync(new ConfirmEmailWithCode { Code = await CodeApp.CodeAsync(account.Email) });
        Assert.True((await app.UserAsync(account.Email)).EmailConfirmed);
    }

    private static async Task<List<string>> ProvidersAsync(TestServer app)
    {
        using var metadata = JsonDocument.Parse(await app.Http.GetStringAsync("/metadata/app.json"));
        return [.. metadata.RootElement.GetProperty("plugins").GetProperty("auth").GetProperty("providers").EnumerateArray()
            .Select(p => $"{p.GetProperty("name").GetString()}:{p.GetProperty("type").GetString()}:{p.GetProperty("url").GetString()}")];
    }

    [Theory]
    [InlineData("Development", false, true)]
    [InlineData("Production", true, true)]
    [InlineData("Production", false, false)]
    public async Task Unset_it_is_on_where_emails_reach_someone(string environment, bool smtp, bool expected)
    {
        var settings = smtp ? CodeApp.Settings() : new Dictionary<string, string?> { ["Auth:SendConfirmationEmail"] = "false" };
        await using var app = await StartAsync(settings, environment);
        var providers = await ProvidersAsync(app);
        Assert.Equal(expected, providers.Contains("emailcode:code:/auth/code"));
        using var client = app.CreateClient();
        var send = await client.ApiAsync(new SendSignInCode { Email = EmailApp.NewAddress() });
        Assert.Equal(expected ? 200 : 404, send.StatusCode);
    }

    [Fact]
    public async Task On_without_an_email_sender_outside_Development_or_with_impossible_rules_refuses_to_start()
    {
        var noSender = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync(new() { ["Auth:SignInCodes:Enabled"] = "true" }, "Production"));
        Assert.Contains("Auth:SignInCodes:Enabled is true but no email sender is configured", noSender.ToString(), StringComparison.Ordinal);

        var rules = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync(CodeApp.Settings(new()
        {
            ["Auth:SignInCodes:Lifetime"] = "00:00:00",
            ["Auth:SignInCodes:MaxAttempts"] = "0",
            ["Auth:SignInCodes:ResendInterval"] = "-00:00:01",
        })));
        foreach (var setting in new[] { "Auth:SignInCodes:Lifetime", "Auth:SignInCodes:MaxAttempts", "Auth:SignInCodes:ResendInterval" })
            Assert.Contains(setting, rules.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Code_requests_count_against_the_auth_rate_limit()
    {
        await using var app = await StartAsync(CodeApp.Settings(), more: o => o.ConfigureBuilder += b => b.Services.Configure<AuthOptions>(a =>
        {
            a.RateLimit.Enabled = true;
            a.RateLimit.PermitLimit = 2;
        }));
        using var client = app.CreateClient();
        var email = EmailApp.NewAddress();
        Assert.True((await client.ApiAsync(new SendSignInCode { Email = email })).Succeeded);
        Assert.Equal(400, (await client.ApiAsync(new SignInWithCode { Email = email, Code = "123456" })).StatusCode);
        var limited = await client.ApiAsync(new SendSignInCode { Email = email });
        Assert.Equal((429, "TooManyRequests", "auth"), (limited.StatusCode, limited.ErrorCode, limited.Error!.Meta!["policy"]));
    }

    [Fact]
    public async Task With_confirmed_emails_required_the_right_code_of_an_unconfirmed_address_is_403_as_a_password_is()
    {
        await using var app = await StartAsync(CodeApp.Settings(new() { ["Auth:RequireConfirmedEmail"] = "true" }));
        var account = await app.NewAccountAsync();
        using var client = app.CreateClient();
        await client.SendAsync(new SendSignInCode { Email = account.Email });
        var code = await CodeApp.CodeAsync(account.Email);
        var byCode = await client.ApiAsync(new SignInWithCode { Email = account.Email, Code = code });
        var byPassword = await client.ApiAsync(new Authenticate { Provider = "credentials", UserName = account.Email, Password = account.Password });
        Assert.Equal((403, "EmailNotConfirmed"), (byCode.StatusCode, byCode.ErrorCode));
        Assert.Equal((byPassword.StatusCode, byPassword.ErrorCode), (byCode.StatusCode, byCode.ErrorCode));
        Assert.False((await app.UserAsync(account.Email)).EmailConfirmed);
    }

    [Fact]
    public async Task A_queued_code_email_arrives_and_the_jobs_table_does_not_hold_the_code()
    {
        await using var app = await StartAsync(CodeApp.Settings(), delivery: Delivery.Queued);
        var account = await app.NewAccountAsync();
        using var client = app.CreateClient();
        await client.SendAsync(new SendSignInCode { Email = account.Email });
        var code = await CodeApp.CodeAsync(account.Email);
        var row = Assert.Single(await EmailApp.QueuedRowsAsync(app, account.Email));
        Assert.DoesNotContain(code, row.Arg, StringComparison.Ordinal);
        Assert.True((await client.ApiAsync(new SignInWithCode { Email = account.Email, Code = code })).Succeeded);
    }
}
