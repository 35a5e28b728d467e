using BaaS.Auth.OAuth;
using BaaS.Auth.Sessions;
using BaaS.Auth.SignIn;
using BaaS.Auth.Tokens;
using BaaS.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace BaaS.Auth.Services;

/// <summary>
/// ServiceStack's <see cref="Authenticate"/>: password sign-in (<c>POST /auth/credentials</c>), the current session
/// (<c>GET /auth</c>), sign-out (<c>POST /auth/logout</c>; GET answers 405) and OAuth sign-in (<c>GET /auth/{provider}</c>, also the callback).
/// </summary>
internal sealed class AuthenticateService(
    PasswordSignIn passwordSignIn, AuthSessions sessions, AuthCookies cookies, RefreshTokens refreshTokens, OAuthSignInFlow oauth,
    IDbConnectionFactory dbFactory) : Service
{
    public async Task<object> Get(Authenticate request)
    {
        var provider = request.Provider?.Trim();
        if (string.IsNullOrEmpty(provider)) return await CurrentSessionAsync().ConfigureAwait(false);
        // A link or an <img> would sign users out: sign-out is a POST, which the cross-site request check covers.
        if (Is(provider, "logout"))
            throw new HttpError(StatusCodes.Status405MethodNotAllowed, "MethodNotAllowed", "Sign out with POST /auth/logout.");
        if (Is(provider, AuthDefaults.CredentialsProvider))
            throw new HttpError(StatusCodes.Status405MethodNotAllowed, "MethodNotAllowed", "Sign in with POST /auth/credentials: passwords never go in URLs.");
        return await oauth.HandleAsync(HttpContext, provider, request.ReturnUrl, CancellationToken).ConfigureAwait(false);
    }

    public async Task<object> Post(Authenticate request)
    {
        var provider = request.Provider?.Trim();
        // ServiceStack's clients may leave the provider out of a password sign-in.
        if (string.IsNullOrEmpty(provider))
        {
            if (request.UserName is null && request.Password is null) return await CurrentSessionAsync().ConfigureAwait(false);
            provider = AuthDefaults.CredentialsProvider;
        }
        if (Is(provider, "logout")) return await LogoutAsync().ConfigureAwait(false);
        if (Is(provider, AuthDefaults.CredentialsProvider)) return await CredentialsAsync(request).ConfigureAwait(false);
        return await oauth.HandleAsync(HttpContext, provider, request.ReturnUrl, CancellationToken).ConfigureAwait(false);
    }

    private async Task<AuthenticateResponse> CredentialsAsync(Authenticate request)
    {
        var userName = AuthValidation.Required(request.UserName, nameof(Authenticate.UserName));
        if (string.IsNullOrEmpty(request.Password))
            throw HttpError.Validation(nameof(Authenticate.Password), "Required", "'Password' is required.");
        var (status, user) = await passwordSignIn.CheckAsync(userName, request.Password, HttpContext.Connection.RemoteIpAddress?.ToString(), CancellationToken).ConfigureAwait(false);
        switch (status)
        {
            case PasswordSignInStatus.LockedOut:
                throw HttpError.Unauthorized("This account is locked after too many failed sign-ins: try again later, or reset the password.", "AccountLocked");
            case PasswordSignInStatus.EmailNotConfirmed:
                throw HttpError.Forbidden("Confirm your email address before signing in: the link is in the email we sent.", "EmailNotConfirmed");
            case PasswordSignInStatus.Failed:
                throw HttpError.Unauthorized("Invalid UserName or Password", "InvalidCredentials");
        }
        return await sessions.SignInAsync(HttpContext, user!, AuthDefaults.CredentialsProvider, request.RememberMe == true, request.UseTokenCookie == true,
            CancellationToken).ConfigureAwait(false);
    }

    private async Task<AuthenticateResponse> CurrentSessionAsync()
    {
        if (User.GetUserId() is not { } id || !Guid.TryParse(id, out var userId))
            throw AuthFailure.Get(HttpContext) is { } failure ? HttpError.Unauthorized(failure.Message, failure.Code) : HttpError.Unauthorized("Not signed in.");
        AuthUserInfo? user;
        await using (var db = await dbFactory.OpenAsync(CancellationToken).ConfigureAwait(false))
            user = await AuthUsers.LoadAsync(db, userId, CancellationToken).ConfigureAwait(false);
        if (user is null) throw HttpError.Unauthorized("The account no longer exists.");
        return new AuthenticateResponse
        {
            UserId = user.IdText,
            SessionId = User.GetSessionId(),
            UserName = user.UserName,
            DisplayName = user.DisplayName ?? user.UserName,
            ProfileUrl = user.ProfileUrl,
            Roles = [.. user.Roles],
            Permissions = [.. user.Permissions],
            AuthProvider = User.FindFirst(AuthClaims.AuthMethod)?.Value,
        };
    }

    /// <summary>
    /// Ends the session of the refresh cookie and of the access token (their refresh tokens, and their access tokens on
    /// every node), and removes the cookies. Always succeeds.
    /// </summary>
    private async Task<AuthenticateResponse> LogoutAsync()
    {
        Guid? cookieSession = null;
        if (cookies.ReadRefreshToken(Request) is { } refreshToken &&
            await refreshTokens.FindAsync(refreshToken, CancellationToken).ConfigureAwait(false) is { } record)
        {
            await refreshTokens.RevokeFamilyAsync(record.UserId, record.FamilyId, CancellationToken).ConfigureAwait(false);
            cookieSession = record.FamilyId;
        }
        if (Guid.TryParseExact(User.GetSessionId() ?? "", "N", out var sessionId) && sessionId != cookieSession &&
            Guid.TryParse(User.GetUserId(), out var userId))
            await refreshTokens.RevokeFamilyAsync(userId, sessionId, CancellationToken).ConfigureAwait(false);
        cookies.Clear(HttpContext);
        return new AuthenticateResponse();
    }

    private static bool Is(string provider, string name) => string.Equals(provider, name, StringComparison.OrdinalIgnoreCase);
}
