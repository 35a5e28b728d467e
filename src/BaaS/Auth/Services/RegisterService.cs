using BaaS.Auth.Email;
using BaaS.Auth.Sessions;
using BaaS.Auth.Tokens;
using BaaS.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BaaS.Auth.Services;

/// <summary>
/// ServiceStack's <see cref="Register"/>: creates the account through Identity (password policy, unique user name and
/// email), gives it the app's new-user roles, emails a confirmation link and, with <c>autoLogin</c>, signs it in. When
/// the confirmation cannot be sent (<see cref="EmailDeliveryException"/>) the account is deleted again and the error answers.
/// </summary>
internal sealed class RegisterService(
    UserManager<BaaSUser> users, AuthSessions sessions, AuthEmails emails, IDbConnectionFactory dbFactory, IOptions<AuthOptions> options, TimeProvider clock)
    : Service
{
    public async Task<RegisterResponse> Post(Register request)
    {
        var settings = options.Value;
        if (!settings.AllowRegistration) throw HttpError.Forbidden("This app does not allow anyone to register.", "RegistrationDisabled");
        var email = AuthValidation.Email(request.Email, nameof(Register.Email));
        if (string.IsNullOrEmpty(request.Password)) throw HttpError.Validation(nameof(Register.Password), "Required", "'Password' is required.");
        if (request.ConfirmPassword is not null && request.ConfirmPassword != request.Password)
            throw HttpError.Validation(nameof(Register.ConfirmPassword), "PasswordsDoNotMatch", "'ConfirmPassword' does not match 'Password'.");
        var userName = string.IsNullOrWhiteSpace(request.UserName) ? email : request.UserName.Trim();
        var displayName = request.DisplayName?.Trim() is { Length: > 0 } given ? given
            : $"{request.FirstName?.Trim()} {request.LastName?.Trim()}".Trim() is { Length: > 0 } full ? full : null;
        if (displayName is { Length: > 256 }) throw HttpError.Validation(nameof(Register.DisplayName), "TooLong", "'DisplayName' must be 256 characters or fewer.");

        var user = new BaaSUser
        {
            UserName = userName,
            Email = email,
            DisplayName = displayName,
            LockoutEnabled = true,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, request.Password).ConfigureAwait(false);
        if (!created.Succeeded) throw AuthValidation.ToHttpError(created);
        if (settings.NewUserRoles.Count > 0)
        {
            var roles = await users.AddToRolesAsync(user, settings.NewUserRoles).ConfigureAwait(false);
            if (!roles.Succeeded)
            {
                await users.DeleteAsync(user).ConfigureAwait(false);
                throw AuthValidation.ToHttpError(roles);
            }
        }
        if (settings.SendConfirmationEmail)
        {
            var token = await users.GenerateEmailConfirmationTokenAsync(user).ConfigureAwait(false);
            try
            {
                await emails.SendConfirmationAsync(HttpContext, user, token, CancellationToken).ConfigureAwait(false);
            }
            catch (EmailDeliveryException)
            {
                // The mail server is away (503) or refused the address (400): undo the account, so that the same
                // Register can simply be sent again rather than meeting DuplicateEmail with no link ever sent.
                await users.DeleteAsync(user).ConfigureAwait(false);
                throw;
            }
        }

        AuthUserInfo info;
        await using (var db = await dbFactory.OpenAsync(CancellationToken).ConfigureAwait(false))
            info = await AuthUsers.LoadAsync(db, user, CancellationToken).ConfigureAwait(false);
        var response = new RegisterResponse
        {
            UserId = info.IdText,
            UserName = info.UserName,
            Roles = [.. info.Roles],
            Permissions = [.. info.Permissions],
        };
        if (request.AutoLogin == true && (!settings.RequireConfirmedEmail || user.EmailConfirmed))
        {
            var session = await sessions.SignInAsync(HttpContext, info, AuthDefaults.CredentialsProvider, persistent: false, CancellationToken)
                .ConfigureAwait(false);
            response.SessionId = session.SessionId;
            response.BearerToken = session.BearerToken;
            response.RefreshToken = session.RefreshToken;
        }
        return response;
    }
}
