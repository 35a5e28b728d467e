using BaaS.Auth.Email;
using BaaS.Auth.Tokens;
using BaaS.Data;
using Microsoft.AspNetCore.Identity;

namespace BaaS.Auth.Services;

/// <summary>
/// Email confirmation and password reset through Identity's token providers, and password change. The requests
/// that take an email address answer the same whether or not an account has it.
/// </summary>
internal sealed class EmailServices(UserManager<BaaSUser> users, AuthEmails emails, RefreshTokens refreshTokens, IDbConnectionFactory dbFactory) : Service
{
    public async Task<EmptyResponse> Any(ConfirmEmail request)
    {
        var userId = AuthValidation.Required(request.UserId, nameof(ConfirmEmail.UserId));
        var token = AuthValidation.Required(request.Token, nameof(ConfirmEmail.Token));
        var user = await users.FindByIdAsync(userId).ConfigureAwait(false) ?? throw InvalidToken();
        var result = await users.ConfirmEmailAsync(user, token).ConfigureAwait(false);
        if (!result.Succeeded) throw result.Errors.Any(e => e.Code == "InvalidToken") ? InvalidToken() : AuthValidation.ToHttpError(result);
        return new EmptyResponse();
    }

    public async Task<EmptyResponse> Post(SendEmailConfirmation request)
    {
        var email = AuthValidation.Email(request.Email, nameof(SendEmailConfirmation.Email));
        if (await users.FindByEmailAsync(email).ConfigureAwait(false) is { EmailConfirmed: false } user)
        {
            var token = await users.GenerateEmailConfirmationTokenAsync(user).ConfigureAwait(false);
            await emails.SendConfirmationAsync(HttpContext, user, token, CancellationToken).ConfigureAwait(false);
        }
        return new EmptyResponse();
    }

    public async Task<EmptyResponse> Post(ForgotPassword request)
    {
        var email = AuthValidation.Email(request.Email, nameof(ForgotPassword.Email));
        if (await users.FindByEmailAsync(email).ConfigureAwait(false) is { } user)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user).ConfigureAwait(false);
            await emails.SendPasswordResetAsync(HttpContext, user, token, CancellationToken).ConfigureAwait(false);
        }
        return new EmptyResponse();
    }

    public async Task<EmptyResponse> Post(ResetPassword request)
    {
        var userId = AuthValidation.Required(request.UserId, nameof(ResetPassword.UserId));
        var token = AuthValidation.Required(request.Token, nameof(ResetPassword.Token));
        if (string.IsNullOrEmpty(request.Password)) throw HttpError.Validation(nameof(ResetPassword.Password), "Required", "'Password' is required.");
        var user = await users.FindByIdAsync(userId).ConfigureAwait(false) ?? throw InvalidToken();
        var result = await users.ResetPasswordAsync(user, token, request.Password).ConfigureAwait(false);
        if (!result.Succeeded) throw result.Errors.Any(e => e.Code == "InvalidToken") ? InvalidToken() : AuthValidation.ToHttpError(result);

        // Whoever held the old password (or a stolen session) is out; the owner of the mailbox is back in.
        await using var db = await dbFactory.OpenAsync(CancellationToken).ConfigureAwait(false);
        await refreshTokens.RevokeAllAsync(db, user.Id, keepFamily: null, CancellationToken).ConfigureAwait(false);
        var (id, stamp) = (user.Id, Guid.NewGuid().ToString());
        await db.UpdateOnlyAsync(() => new BaaSUser { AccessFailedCount = 0, LockoutEnd = null, ConcurrencyStamp = stamp }, u => u.Id == id, CancellationToken)
            .ConfigureAwait(false);
        return new EmptyResponse();
    }

    public async Task<EmptyResponse> Post(ChangePassword request)
    {
        if (string.IsNullOrEmpty(request.CurrentPassword))
            throw HttpError.Validation(nameof(ChangePassword.CurrentPassword), "Required", "'CurrentPassword' is required.");
        if (string.IsNullOrEmpty(request.NewPassword))
            throw HttpError.Validation(nameof(ChangePassword.NewPassword), "Required", "'NewPassword' is required.");
        var user = await users.FindByIdAsync(User.GetUserId() ?? "").ConfigureAwait(false)
            ?? throw HttpError.Unauthorized("The account no longer exists.");
        var result = await users.ChangePasswordAsync(user, request.CurrentPassword, request.NewPassword).ConfigureAwait(false);
        if (!result.Succeeded) throw AuthValidation.ToHttpError(result, nameof(ChangePassword.NewPassword));

        Guid? current = Guid.TryParseExact(User.GetSessionId() ?? "", "N", out var sid) ? sid : null;
        await using var db = await dbFactory.OpenAsync(CancellationToken).ConfigureAwait(false);
        await refreshTokens.RevokeAllAsync(db, user.Id, current, CancellationToken).ConfigureAwait(false);
        return new EmptyResponse();
    }

    private static HttpError InvalidToken() =>
        HttpError.Validation(nameof(ConfirmEmail.Token), "InvalidToken", "The link is invalid or has expired: ask for a new one.");
}
