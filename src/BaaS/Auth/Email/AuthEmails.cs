using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace BaaS.Auth.Email;

/// <summary>
/// Writes the auth emails: the confirmation link (<c>{BaaSOptions.PublicUrl}/auth/confirm-email?userId=...&amp;token=...</c>,
/// which <see cref="ConfirmEmail"/> serves) and the password-reset link (<c>{BaaSOptions.PublicUrl}{ResetPasswordPath}?userId=...&amp;token=...</c>,
/// the app's page that sends <see cref="ResetPassword"/>). Tokens come from Identity's token providers.
/// </summary>
internal sealed partial class AuthEmails(IEmailSender sender, IOptions<AuthOptions> options, IOptions<BaaSOptions> baas)
{
    public Task SendConfirmationAsync(HttpContext context, BaaSUser user, string token, CancellationToken ct)
    {
        var link = Link(context, "/auth/confirm-email", user, token);
        return sender.SendAsync(new EmailMessage
        {
            To = user.Email!,
            Subject = "Confirm your email address",
            TextBody = $"Hello {user.DisplayName ?? user.UserName},\n\nConfirm your email address by opening this link:\n{link}\n\n" +
                       "If you did not create an account, ignore this email.",
            Kind = "confirm-email",
            Link = link,
            UserId = user.Id.ToString(),
        }, ct);
    }

    public Task SendPasswordResetAsync(HttpContext context, BaaSUser user, string token, CancellationToken ct)
    {
        var link = Link(context, options.Value.ResetPasswordPath, user, token);
        return sender.SendAsync(new EmailMessage
        {
            To = user.Email!,
            Subject = "Reset your password",
            TextBody = $"Hello {user.DisplayName ?? user.UserName},\n\nChoose a new password by opening this link:\n{link}\n\n" +
                       "If you did not ask for this, ignore this email: your password stays as it is.",
            Kind = "reset-password",
            Link = link,
            UserId = user.Id.ToString(),
        }, ct);
    }

    private string Link(HttpContext context, string path, BaaSUser user, string token)
    {
        var baseUrl = baas.Value.BaseUrlOf(context.Request);
        return QueryHelpers.AddQueryString(baseUrl + path, new Dictionary<string, string?> { ["userId"] = user.Id.ToString(), ["token"] = token });
    }
}
