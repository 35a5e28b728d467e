using BaaS.Client;
using BaaS.Jobs;

namespace BaaS.Email.Tests.Suites;

/// <summary>
/// The SMTP server away, per database. Sent during the request: the operations that email answer
/// <c>503 EmailUnavailable</c> with <c>Retry-After</c>, never a 500, and a Register leaves no account behind. Queued: the
/// requests succeed and the email is sent once the server is back. Each test runs its own SMTP server, to stop and start it.
/// </summary>
public abstract class OutageTests(TestDatabaseKind kind)
{
    private static Dictionary<string, string?> SettingsFor(int port) => new()
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
        ["Smtp:From"] = "noreply@baas-tests.local",
        ["Smtp:Timeout"] = "00:00:05",
    };

    private static Register NewRegistration() => new() { Email = EmailApp.NewAddress(), Password = "Pass-" + Guid.NewGuid().ToString("N")[..10] };

    [Fact]
    public async Task Sent_during_the_request_a_register_answers_503_with_retry_after_and_can_be_sent_again_when_the_server_is_back()
    {
        var port = LoopbackPort.Free();
        await using var app = await EmailApp.StartAsync(kind, Delivery.Direct, SettingsFor(port));
        using var http = app.CreateHttp();
        var registration = NewRegistration();

        using (var down = await http.PostAsync("/register", Json(registration)))
        {
            Assert.Equal(503, (int)down.StatusCode);
            Assert.Equal("30", down.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Contains("\"errorCode\":\"EmailUnavailable\"", await down.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await using var smtp = await SmtpSinkProcess.StartAsync(port);
        using var client = app.CreateClient();
        var registered = await client.ApiAsync(registration);     // not DuplicateEmail: the first attempt left no account
        Assert.True(registered.Succeeded, registered.ErrorMessage);
        Assert.Single(await smtp.Mailbox.WaitForAsync(registration.Email!));
    }

    [Fact]
    public async Task Sent_during_the_request_forgot_password_answers_503_while_the_server_is_away_and_sends_once_it_is_back()
    {
        var port = LoopbackPort.Free();
        await using var app = await EmailApp.StartAsync(kind, Delivery.Direct, SettingsFor(port));
        var registration = NewRegistration();
        using var client = app.CreateClient();
        await using (var smtp = await SmtpSinkProcess.StartAsync(port))
        {
            await client.SendAsync(registration);
            await smtp.Mailbox.WaitForAsync(registration.Email!);
        }

        var down = await client.ApiAsync(new ForgotPassword { Email = registration.Email });
        Assert.Equal((503, "EmailUnavailable"), (down.StatusCode, down.ErrorCode));

        await using var back = await SmtpSinkProcess.StartAsync(port);
        await client.SendAsync(new ForgotPassword { Email = registration.Email });
        Assert.Equal("Reset your password", Assert.Single(await back.Mailbox.WaitForAsync(registration.Email!)).Message.Subject);
    }

    [Fact]
    public async Task Queued_the_requests_succeed_while_the_server_is_away_and_the_email_arrives_when_it_is_back()
    {
        var port = LoopbackPort.Free();
        await using var app = await EmailApp.StartAsync(kind, Delivery.Queued, SettingsFor(port));
        var registration = NewRegistration();
        using var client = app.CreateClient();
        var registered = await client.ApiAsync(registration);
        Assert.True(registered.Succeeded, registered.ErrorMessage);
        var forgot = await client.ApiAsync(new ForgotPassword { Email = registration.Email });
        Assert.True(forgot.Succeeded, forgot.ErrorMessage);

        // Both emails were tried and failed for want of a server, and wait for their next attempt.
        await Until(async () => (await EmailApp.QueuedRowsAsync(app, registration.Email!)) is [{ Attempts: > 0, ErrorCode: "EmailUnavailable" }, { Attempts: > 0 }]);
        var rows = await EmailApp.QueuedRowsAsync(app, registration.Email!);
        Assert.All(rows, r => Assert.Contains(r.State, new[] { JobState.Queued, JobState.Started }));   // waiting, or in its next attempt
        // The stored argument names the recipient but holds no link or token (the message is sealed).
        Assert.All(rows, r => Assert.DoesNotContain("token", r.Arg, StringComparison.OrdinalIgnoreCase));
        Assert.All(rows, r => Assert.DoesNotContain("/auth/confirm-email", r.Arg, StringComparison.Ordinal));
        Assert.All(rows, r => Assert.DoesNotContain("userId", r.Arg, StringComparison.Ordinal));

        await using var smtp = await SmtpSinkProcess.StartAsync(port);
        var received = await smtp.Mailbox.WaitForAsync(registration.Email!, count: 2);
        Assert.Equal(["Confirm your email address", "Reset your password"], received.Select(m => m.Message.Subject).Order());
        var confirm = received.Single(m => m.Message.Subject == "Confirm your email address");
        using var http = app.CreateHttp();
        using var confirmed = await http.GetAsync(Links.In(confirm));
        Assert.Equal(200, (int)confirmed.StatusCode);
        await Until(async () => (await EmailApp.QueuedRowsAsync(app, registration.Email!)).All(r => r.State == JobState.Completed));
    }

    [Fact]
    public async Task Queued_an_address_the_server_refuses_for_good_fails_its_job_at_once()
    {
        await using var app = await EmailApp.StartAsync(kind, Delivery.Queued, SmtpTestService.Instance.Settings());
        var registration = new Register { Email = EmailApp.NewAddress("reject"), Password = "Pass-" + Guid.NewGuid().ToString("N")[..10] };
        using var client = app.CreateClient();
        await client.SendAsync(registration);
        await Until(async () => (await EmailApp.QueuedRowsAsync(app, registration.Email!)) is [{ State: JobState.Failed }]);
        var row = Assert.Single(await EmailApp.QueuedRowsAsync(app, registration.Email!));
        Assert.Equal((1, "EmailRejected"), (row.Attempts, row.ErrorCode));
    }

    private static StringContent Json(Register r) =>
        new(System.Text.Json.JsonSerializer.Serialize(new { email = r.Email, password = r.Password }), System.Text.Encoding.UTF8, "application/json");

    private static async Task Until(Func<Task<bool>> condition)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(30)) Assert.Fail("The queued emails did not reach the expected state within 30 s.");
            await Task.Delay(50);
        }
    }
}

[Collection("Email on SQLite")] public sealed class SqliteOutageTests() : OutageTests(TestDatabaseKind.SqliteFile);
[Collection("Email on PostgreSQL")] public sealed class PostgreSqlOutageTests() : OutageTests(TestDatabaseKind.PostgreSql);
