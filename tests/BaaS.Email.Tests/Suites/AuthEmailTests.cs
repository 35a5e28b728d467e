using System.Net;
using BaaS.Client;

namespace BaaS.Email.Tests.Suites;

/// <summary>
/// The auth feature's emails through SMTP, sent during the request or queued on the jobs, per database: they arrive
/// at the SMTP server and their links and tokens work; a display name cannot add a header.
/// </summary>
public abstract class AuthEmailTests(TestDatabaseKind kind, Delivery delivery) : IAsyncLifetime
{
    private TestServer _app = null!;

    private static SmtpTestService Smtp => SmtpTestService.Instance;

    public async Task InitializeAsync()
    {
        var settings = Smtp.Settings();
        settings["Auth:RequireConfirmedEmail"] = "true";
        _app = await EmailApp.StartAsync(kind, delivery, settings);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<(string Email, string Password)> RegisterAsync(string? displayName = null)
    {
        var email = EmailApp.NewAddress();
        var password = "Pass-" + Guid.NewGuid().ToString("N")[..10];
        using var client = _app.CreateClient();
        await client.SendAsync(new Register { Email = email, Password = password, DisplayName = displayName });
        return (email, password);
    }

    [Fact]
    public async Task The_sign_up_confirmation_arrives_by_smtp_and_its_link_confirms_the_address()
    {
        var (email, password) = await RegisterAsync();
        var received = Assert.Single(await Smtp.Mailbox.WaitForAsync(email));
        Assert.Equal("Confirm your email address", received.Message.Subject);
        Assert.Equal("noreply@baas-tests.local", received.Message.From.Mailboxes.Single().Address);
        var link = Links.In(received);
        Assert.StartsWith(_app.BaseUrl + "/auth/confirm-email?userId=", link);

        using var client = _app.CreateClient();
        var before = await client.ApiAsync(new Authenticate { Provider = "credentials", UserName = email, Password = password });
        Assert.Equal((403, "EmailNotConfirmed"), (before.StatusCode, before.ErrorCode));
        using var http = _app.CreateHttp();
        using var confirmed = await http.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var after = await client.ApiAsync(new Authenticate { Provider = "credentials", UserName = email, Password = password });
        Assert.True(after.Succeeded, after.ErrorMessage);
    }

    [Fact]
    public async Task The_password_reset_email_arrives_by_smtp_and_its_token_sets_the_new_password()
    {
        var (email, _) = await RegisterAsync();
        using (var http = _app.CreateHttp())
        using (await http.GetAsync(Links.In(Assert.Single(await Smtp.Mailbox.WaitForAsync(email))))) { }

        using var client = _app.CreateClient();
        await client.SendAsync(new ForgotPassword { Email = email });
        var reset = (await Smtp.Mailbox.WaitForAsync(email, count: 2))[1];
        Assert.Equal("Reset your password", reset.Message.Subject);
        var (userId, token) = Links.Parts(Links.In(reset));
        await client.SendAsync(new ResetPassword { UserId = userId, Token = token, Password = "a brand new secret" });
        var signedIn = await client.ApiAsync(new Authenticate { Provider = "credentials", UserName = email, Password = "a brand new secret" });
        Assert.True(signedIn.Succeeded, signedIn.ErrorMessage);
    }

    [Fact]
    public async Task A_display_name_with_header_text_adds_no_header_and_no_recipient()
    {
        var victim = EmailApp.NewAddress("victim");
        var (email, _) = await RegisterAsync($"Ann\r\nBcc: {victim}\r\nX-Injected: yes");
        var received = Assert.Single(await Smtp.Mailbox.WaitForAsync(email));
        Assert.Equal([email], received.Recipients);
        Assert.DoesNotContain("Bcc", received.HeaderNames, StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain("X-Injected", received.HeaderNames, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(["To"], received.HeaderNames.Where(h => h.Equals("To", StringComparison.OrdinalIgnoreCase)));
        Assert.Empty(Smtp.Mailbox.To(victim));
    }
}

[Collection("Email on SQLite")] public sealed class SqliteDirectAuthEmailTests() : AuthEmailTests(TestDatabaseKind.SqliteFile, Delivery.Direct);
[Collection("Email on SQLite")] public sealed class SqliteQueuedAuthEmailTests() : AuthEmailTests(TestDatabaseKind.SqliteFile, Delivery.Queued);
[Collection("Email on PostgreSQL")] public sealed class PostgreSqlDirectAuthEmailTests() : AuthEmailTests(TestDatabaseKind.PostgreSql, Delivery.Direct);
[Collection("Email on PostgreSQL")] public sealed class PostgreSqlQueuedAuthEmailTests() : AuthEmailTests(TestDatabaseKind.PostgreSql, Delivery.Queued);
