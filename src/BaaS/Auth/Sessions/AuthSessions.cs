using BaaS.Auth.Tokens;
using BaaS.Data;
using Microsoft.AspNetCore.Http;

namespace BaaS.Auth.Sessions;

/// <summary>
/// Starts and continues sessions: a sign-in makes a new refresh-token family, an access token and the cookies, and
/// answers ServiceStack's <see cref="AuthenticateResponse"/>; a refresh rotates the token and re-reads the user, so
/// role changes, locks and deletions take effect at the next refresh.
/// </summary>
internal sealed class AuthSessions(IDbConnectionFactory dbFactory, AccessTokens accessTokens, RefreshTokens refreshTokens, AuthCookies cookies, TimeProvider clock)
{
    public async Task<AuthenticateResponse> SignInAsync(HttpContext context, AuthUserInfo user, string provider, bool persistent, CancellationToken ct)
    {
        var familyId = Guid.CreateVersion7();
        IssuedRefreshToken refresh;
        await using (var db = await dbFactory.OpenAsync(ct).ConfigureAwait(false))
        {
            refresh = await refreshTokens.IssueAsync(db, user.Id, familyId, provider, persistent, ct).ConfigureAwait(false);
            var now = clock.GetUtcNow().UtcDateTime;
            var id = user.Id;
            await db.UpdateOnlyAsync(() => new BaaSUser { LastLoginAt = now }, u => u.Id == id, ct).ConfigureAwait(false);
        }
        var (access, _) = accessTokens.Create(user, familyId, provider);
        cookies.SetTokens(context, access, refresh.Token, persistent);
        return new AuthenticateResponse
        {
            UserId = user.IdText,
            SessionId = familyId.ToString("N"),
            UserName = user.UserName,
            DisplayName = user.DisplayName ?? user.UserName,
            BearerToken = access,
            RefreshToken = refresh.Token,
            RefreshTokenExpiry = refresh.Record.ExpiresAt,
            ProfileUrl = user.ProfileUrl,
            Roles = [.. user.Roles],
            Permissions = [.. user.Permissions],
            AuthProvider = provider,
        };
    }

    /// <summary>
    /// Signs in <paramref name="user"/>, whose credentials (a password, an emailed code) were checked: reads its roles and
    /// permissions, starts the session and sets the cookies; with <paramref name="tokenCookieOnly"/> the answer leaves the
    /// tokens out of the body (the client asked for cookies only, so page scripts never see them).
    /// </summary>
    public async Task<AuthenticateResponse> SignInAsync(HttpContext context, BaaSUser user, string provider, bool persistent, bool tokenCookieOnly,
        CancellationToken ct)
    {
        AuthUserInfo info;
        await using (var db = await dbFactory.OpenAsync(ct).ConfigureAwait(false))
            info = await AuthUsers.LoadAsync(db, user, ct).ConfigureAwait(false);
        var response = await SignInAsync(context, info, provider, persistent, ct).ConfigureAwait(false);
        if (tokenCookieOnly)
        {
            response.BearerToken = null;
            response.RefreshToken = null;
        }
        return response;
    }

    /// <summary>
    /// Trades a refresh token for new tokens. Throws 401 when the token is unknown, expired, revoked or reused
    /// (reuse also ends the session), or the user is gone or locked.
    /// </summary>
    public async Task<RefreshedSession> RefreshAsync(string refreshToken, CancellationToken ct)
    {
        var outcome = await refreshTokens.RotateAsync(refreshToken, ct).ConfigureAwait(false);
        switch (outcome.Status)
        {
            case RefreshStatus.Invalid:
                throw HttpError.Unauthorized("The refresh token is not valid: sign in again.", "InvalidRefreshToken");
            case RefreshStatus.Expired:
                throw HttpError.Unauthorized("The refresh token has expired: sign in again.", "RefreshTokenExpired");
            case RefreshStatus.Revoked:
                throw HttpError.Unauthorized("The session has ended: sign in again.", "RefreshTokenRevoked");
            case RefreshStatus.Reused:
                throw HttpError.Unauthorized("The refresh token was already used, so its session has been ended: sign in again.", "RefreshTokenReused");
        }
        var spent = outcome.Spent!;
        AuthUserInfo? user;
        await using (var db = await dbFactory.OpenAsync(ct).ConfigureAwait(false))
            user = await AuthUsers.LoadAsync(db, spent.UserId, ct).ConfigureAwait(false);
        if (user is null) throw HttpError.Unauthorized("The account no longer exists.", "InvalidRefreshToken");
        if (user.IsLockedOut(clock.GetUtcNow()))
        {
            await refreshTokens.RevokeFamilyAsync(spent.UserId, spent.FamilyId, ct).ConfigureAwait(false);
            throw HttpError.Unauthorized("The account is locked.", "AccountLocked");
        }
        var (access, _) = accessTokens.Create(user, spent.FamilyId, spent.AuthProvider);
        return new RefreshedSession(user, spent.FamilyId, access, outcome.Next, spent.Persistent);
    }

    /// <summary>Sets the cookies of a refreshed session (the refresh cookie only when a new refresh token was issued).</summary>
    public void SetCookies(HttpContext context, RefreshedSession session) =>
        cookies.SetTokens(context, session.AccessToken, session.Next?.Token, session.Persistent);
}

/// <summary>A refreshed session: the user as now stored, the new access token and, unless within the reuse grace, the new refresh token.</summary>
internal sealed record RefreshedSession(AuthUserInfo User, Guid FamilyId, string AccessToken, IssuedRefreshToken? Next, bool Persistent);
