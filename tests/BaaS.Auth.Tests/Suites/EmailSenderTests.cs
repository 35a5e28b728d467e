using System.Security.Cryptography;
using BaaS.Auth.Tests.Infrastructure;
using BaaS.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BaaS.Auth.Tests.Suites;

/// <summary>
/// The default email sender sends nothing: outside Development it must not put links or tokens in the log, and the app
/// says once at startup that emails go nowhere; an <see cref="IEmailSender"/> registered by the app replaces it.
/// </summary>
public sealed class EmailSenderTests
{
    private static Dictionary<string, string?> Production() => new() { ["Auth:Jwt:Secret"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };

    /// <summary>Registers an account (a confirmation email) and asks for a password reset (a reset email).</summary>
    private static async Task<string> SendBothEmailsAsync(TestServer host)
    {
        var email = $"mail{Guid.NewGuid():N}@example.com";
        var client = new JsonApiClient(host.BaseUrl);
        await client.SendAsync(new Register { UserName = email, Email = email, Password = "Pass-" + Guid.NewGuid().ToString("N")[..10] });
        await client.SendAsync(new ForgotPassword { Email = email });
        return email;
    }

    private static bool IsNoSenderWarning(TestLogEntry entry) => entry.Level == LogLevel.Warning && entry.Message.StartsWith("No email sender is configured", StringComparison.Ordinal);

    [Fact]
    public async Task Outside_Development_the_default_sender_logs_that_nothing_was_sent_but_never_the_link_or_token()
    {
        await using var host = await MiniServer.StartAsync("Production", Production());
        var email = await SendBothEmailsAsync(host);

        var logged = host.Logs.Messages;
        Assert.Single(logged, IsNoSenderWarning);
        Assert.Contains(logged, m => m.Message == $"Email (confirm-email) to {email} was not sent: no email sender is configured (register an IEmailSender)");
        Assert.Contains(logged, m => m.Message == $"Email (reset-password) to {email} was not sent: no email sender is configured (register an IEmailSender)");
        Assert.DoesNotContain(logged, m => m.Message.Contains("token=", StringComparison.OrdinalIgnoreCase) || m.Message.Contains("/auth/confirm-email", StringComparison.Ordinal));
    }

    [Fact]
    public async Task In_Development_the_default_sender_writes_the_message_with_its_link_to_the_log_and_gives_no_warning()
    {
        await using var host = await MiniServer.StartAsync("Development", []);
        var email = await SendBothEmailsAsync(host);

        Assert.DoesNotContain(host.Logs.Messages, IsNoSenderWarning);
        Assert.Contains(host.Logs.Messages, m => m.Message.StartsWith($"Email (reset-password) to {email}", StringComparison.Ordinal) && m.Message.Contains("token=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_sender_registered_by_the_app_replaces_the_default_and_startup_gives_no_warning()
    {
        var sender = new CapturingEmailSender();
        await using var host = await MiniServer.StartAsync("Production", Production(), services: s => s.AddSingleton<IEmailSender>(sender));
        var email = await SendBothEmailsAsync(host);

        Assert.Equal(["confirm-email", "reset-password"], sender.To(email).Select(m => m.Kind));
        Assert.DoesNotContain(host.Logs.Messages, IsNoSenderWarning);
        Assert.DoesNotContain(host.Logs.Messages, m => m.Message.Contains(email, StringComparison.Ordinal));
    }
}
