using BaaS.Auth.Codes;
using BaaS.Auth.Email;
using BaaS.Auth.Sessions;
using BaaS.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaaS.Auth.Services;

/// <summary>
/// Sign-in with an emailed code (<see cref="SendSignInCode"/>, <see cref="SignInWithCode"/>) and email confirmation by
/// code (<see cref="SendEmailVerificationCode"/>, <see cref="ConfirmEmailWithCode"/>). The codes' rules are
/// <see cref="OneTimeCodes"/>'; a sign-in then goes the way a password sign-in does (the lock and confirmed-email rules,
/// <see cref="AuthSessions"/>), and a confirmation the way the link does (Identity's <c>ConfirmEmailAsync</c>).
/// </summary>
internal sealed class OneTimeCodeServices(
    OneTimeCodes codes, OneTimeCodeHasher hasher, UserManager<BaaSUser> users, AuthEmails emails, AuthSessions sessions,
    IDbConnectionFactory dbFactory, IOptions<AuthOptions> options, TimeProvider clock, ILogger<OneTimeCodeServices> logger) : Service
{
    private TimeSpan Lifetime => options.Value.SignInCodes.Lifetime;

    public async Task<EmptyResponse> Post(SendSignInCode request)
    {
        EnsureSignInEnabled();
        var email = AuthValidation.Email(request.Email, nameof(SendSignInCode.Email));
        var user = await users.FindByEmailAsync(email).ConfigureAwait(false);
        var subject = SignInSubject(user, email);
        // An address without an account goes through the same counting and answers the same, and nothing is sent.
        if (await codes.NewAsync(OneTimeCodePurpose.SignIn, subject, user?.Email, CancellationToken).ConfigureAwait(false) is { } code)
            await SendAsync(OneTimeCodePurpose.SignIn, subject, () => emails.SendSignInCodeAsync(user!, code, Lifetime, CancellationToken)).ConfigureAwait(false);
        return new EmptyResponse();
    }

    public async Task<AuthenticateResponse> Post(SignInWithCode request)
    {
        EnsureSignInEnabled();
        var email = AuthValidation.Email(request.Email, nameof(SignInWithCode.Email));
        var code = OneTimeCodeErrors.Parse(request.Code, nameof(SignInWithCode.Code));
        var user = await users.FindByEmailAsync(email).ConfigureAwait(false);
        var check = await codes.CheckAsync(OneTimeCodePurpose.SignIn, SignInSubject(user, email), user?.Email, code, CancellationToken).ConfigureAwait(false);
        OneTimeCodeErrors.ThrowUnlessAccepted(check, nameof(SignInWithCode.Code));

        // The rules of a password sign-in, told only to the holder of the right code.
        var settings = options.Value;
        if (settings.Lockout.Enabled && user!.LockoutEnabled && user.LockoutEnd is { } end && end > clock.GetUtcNow())
            throw HttpError.Unauthorized("This account is locked after too many failed sign-ins: try again later, or reset the password.", "AccountLocked");
        if (settings.RequireConfirmedEmail && !user!.EmailConfirmed)
            throw HttpError.Forbidden("Confirm your email address before signing in: the link is in the email we sent.", "EmailNotConfirmed");
        await EndFailureRunAsync(user!).ConfigureAwait(false);
        OneTimeCodeLog.SignedIn(logger, user!.Id);
        return await sessions.SignInAsync(HttpContext, user, AuthDefaults.EmailCodeProvider, request.RememberMe == true, request.UseTokenCookie == true,
            CancellationToken).ConfigureAwait(false);
    }

    public async Task<EmptyResponse> Post(SendEmailVerificationCode request)
    {
        var user = await CurrentUserAsync().ConfigureAwait(false);
        if (string.IsNullOrEmpty(user.Email))
            throw HttpError.BadRequest("The account has no email address to confirm: set one first.", "NoEmail");
        if (user.EmailConfirmed) throw HttpError.Conflict("The email address is already confirmed.", "EmailAlreadyConfirmed");
        var subject = user.Id.ToString("N");
        var code = await codes.NewAsync(OneTimeCodePurpose.ConfirmEmail, subject, user.Email, CancellationToken).ConfigureAwait(false);
        await SendAsync(OneTimeCodePurpose.ConfirmEmail, subject, () => emails.SendEmailVerificationCodeAsync(user, code!, Lifetime, CancellationToken))
            .ConfigureAwait(false);
        return new EmptyResponse();
    }

    public async Task<EmptyResponse> Post(ConfirmEmailWithCode request)
    {
        var code = OneTimeCodeErrors.Parse(request.Code, nameof(ConfirmEmailWithCode.Code));
        var user = await CurrentUserAsync().ConfigureAwait(false);
        var check = await codes.CheckAsync(OneTimeCodePurpose.ConfirmEmail, user.Id.ToString("N"), user.Email, code, CancellationToken).ConfigureAwait(false);
        OneTimeCodeErrors.ThrowUnlessAccepted(check, nameof(ConfirmEmailWithCode.Code));
        if (user.EmailConfirmed) return new EmptyResponse();
        // Exactly what opening the link does: Identity's ConfirmEmailAsync with a confirmation token, made here.
        var token = await users.GenerateEmailConfirmationTokenAsync(user).ConfigureAwait(false);
        var result = await users.ConfirmEmailAsync(user, token).ConfigureAwait(false);
        if (!result.Succeeded) throw AuthValidation.ToHttpError(result);
        OneTimeCodeLog.EmailConfirmed(logger, user.Id);
        return new EmptyResponse();
    }

    private void EnsureSignInEnabled()
    {
        if (!codes.SignInEnabled)
            throw HttpError.NotFound("Sign-in with an emailed code is turned off (Auth:SignInCodes:Enabled).", "SignInCodesDisabled");
    }

    private string SignInSubject(BaaSUser? user, string email) => user is null ? hasher.SubjectOfAddress(email) : user.Id.ToString("N");

    private async Task<BaaSUser> CurrentUserAsync() =>
        await users.FindByIdAsync(User.GetUserId() ?? "").ConfigureAwait(false) ?? throw HttpError.Unauthorized("The account no longer exists.");

    /// <summary>Sends a code's email; when it cannot be sent (a mail server away, 503) the code is taken back, so asking again works at once.</summary>
    private async Task SendAsync(OneTimeCodePurpose purpose, string subject, Func<Task> send)
    {
        try
        {
            await send().ConfigureAwait(false);
        }
        catch
        {
            await codes.WithdrawAsync(purpose, subject, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A successful sign-in ends a run of failed password sign-ins, as a password sign-in does.</summary>
    private async Task EndFailureRunAsync(BaaSUser user)
    {
        if (user.AccessFailedCount == 0 && user.LockoutEnd is null) return;
        await using var db = await dbFactory.OpenAsync(CancellationToken).ConfigureAwait(false);
        var (id, stamp) = (user.Id, Guid.NewGuid().ToString());
        await db.UpdateOnlyAsync(() => new BaaSUser { AccessFailedCount = 0, LockoutEnd = null, ConcurrencyStamp = stamp }, u => u.Id == id, CancellationToken)
            .ConfigureAwait(false);
    }
}
