using System.Globalization;
using System.Net;

namespace BaaS.Auth.Email;

/// <summary>The one-time code emails: plain text and HTML, the code large, how long it works, no link.</summary>
internal sealed partial class AuthEmails
{
    /// <summary>The code that signs in with <see cref="SignInWithCode"/>.</summary>
    public Task SendSignInCodeAsync(BaaSUser user, string code, TimeSpan lifetime, CancellationToken ct) =>
        SendCodeAsync(user, code, lifetime, "sign-in-code", "Your sign-in code",
            "Sign in with this code:",
            "If you did not ask to sign in, ignore this email: nobody can sign in with it but you.", ct);

    /// <summary>The code that confirms the address with <see cref="ConfirmEmailWithCode"/>.</summary>
    public Task SendEmailVerificationCodeAsync(BaaSUser user, string code, TimeSpan lifetime, CancellationToken ct) =>
        SendCodeAsync(user, code, lifetime, "confirm-email-code", "Your email confirmation code",
            "Confirm your email address with this code:",
            "If you did not ask for it, ignore this email.", ct);

    private Task SendCodeAsync(BaaSUser user, string code, TimeSpan lifetime, string kind, string subject, string ask, string ignore, CancellationToken ct)
    {
        var name = user.DisplayName ?? user.UserName;
        var validity = $"It works once, for {Describe(lifetime)}.";
        return sender.SendAsync(new EmailMessage
        {
            To = user.Email!,
            Subject = subject,
            TextBody = $"Hello {name},\n\n{ask}\n\n    {code}\n\n{validity}\n\n{ignore}",
            HtmlBody =
                $"<p>Hello {WebUtility.HtmlEncode(name)},</p>\n<p>{WebUtility.HtmlEncode(ask)}</p>\n" +
                $"<p style=\"font-family:monospace;font-size:32px;font-weight:bold;letter-spacing:6px;margin:24px 0\">{code}</p>\n" +
                $"<p>{WebUtility.HtmlEncode(validity)}</p>\n<p style=\"color:#666\">{WebUtility.HtmlEncode(ignore)}</p>",
            Kind = kind,
            UserId = user.Id.ToString(),
        }, ct);
    }

    /// <summary>"10 minutes", "1 hour", "90 seconds".</summary>
    internal static string Describe(TimeSpan lifetime) =>
        lifetime.TotalSeconds % 3600 == 0 ? Plural((long)lifetime.TotalHours, "hour")
        : lifetime.TotalSeconds % 60 == 0 ? Plural((long)lifetime.TotalMinutes, "minute")
        : Plural((long)Math.Ceiling(lifetime.TotalSeconds), "second");

    private static string Plural(long n, string unit) => string.Create(CultureInfo.InvariantCulture, $"{n} {unit}{(n == 1 ? "" : "s")}");
}
