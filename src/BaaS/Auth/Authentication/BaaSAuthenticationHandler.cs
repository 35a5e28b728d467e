using System.Security.Claims;
using System.Text.Encodings.Web;
using BaaS.Auth.ApiKeys;
using BaaS.Auth.Sessions;
using BaaS.Auth.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaaS.Auth.Authentication;

/// <summary>
/// The <c>BaaS</c> authentication scheme. Reads, in order: <c>Authorization: Bearer</c> (an API key when it starts
/// with <c>ak-</c>, else an access token), the API-key header (<c>X-Api-Key</c>), then the <c>ss-tok</c> cookie.
/// An access token that passes its signature and lifetime (or is one this node passed before) is then checked against
/// the <see cref="AccessTokenDenyList"/>, on every request: a revoked one is refused as <c>TokenRevoked</c>, as an
/// expired one is, so clients refresh. Refused credentials leave the caller anonymous and record why
/// (<see cref="AuthFailure"/>), so a protected operation answers 401 saying so. An expired or missing <c>ss-tok</c> beside an <c>ss-reftok</c> marks the request
/// for the refresh filter, which renews the cookies (ServiceStack's server-side refresh for browser clients).
/// </summary>
internal sealed class BaaSAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    AccessTokens accessTokens,
    AccessTokenDenyList denyList,
    ApiKeyStore apiKeys,
    AuthCookies cookies,
    IOptions<AuthOptions> authOptions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder)
{
    internal static readonly object RefreshCandidateKey = new();

    // A revoked token is refused as an expired one is (401, saying what to do), so a client's refresh logic takes over.
    private static readonly TokenCheck Revoked = new(null, "TokenRevoked",
        "The access token was revoked (its session ended, or the account changed): get a new one with GetAccessToken, or sign in again.");

    private static readonly TokenCheck Unchecked = new(null, "CacheUnavailable", CacheUnavailableException.ClientMessage);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var authorization = Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var bearer = authorization.AsSpan("Bearer ".Length).Trim();
            if (bearer.StartsWith(AuthDefaults.ApiKeyPrefix, StringComparison.Ordinal))
                return await FromApiKeyAsync(bearer.ToString()).ConfigureAwait(false);
            // A token this node has seen: no copy of it and no signature check (the common case: a client sends it every
            // time), but the deny list is read every time.
            if (accessTokens.TryGetValidated(bearer, out var known, out var subject))
                return await NotRevokedAsync(known!, subject!, fromCookie: false).ConfigureAwait(false);
            return await FromAccessTokenAsync(bearer.ToString(), fromCookie: false).ConfigureAwait(false);
        }
        var apiKey = Request.Headers[authOptions.Value.ApiKeys.HeaderName].ToString();
        if (apiKey.Length > 0) return await FromApiKeyAsync(apiKey.Trim()).ConfigureAwait(false);

        var cookie = cookies.ReadAccessToken(Request);
        if (cookie is not null) return await FromAccessTokenAsync(cookie, fromCookie: true).ConfigureAwait(false);
        if (cookies.ReadRefreshToken(Request) is not null) Context.Items[RefreshCandidateKey] = true;
        return AuthenticateResult.NoResult();
    }

    private async Task<AuthenticateResult> FromAccessTokenAsync(string token, bool fromCookie)
    {
        var check = await accessTokens.ValidateAsync(token).ConfigureAwait(false);
        if (check.Identity is not null) return await NotRevokedAsync(check.Identity, check.Subject!, fromCookie).ConfigureAwait(false);
        return RefuseToken(check, fromCookie);
    }

    // A ValueTask: with the cache in memory the deny list answers at once, and the common request allocates no task for it.
    private async ValueTask<AuthenticateResult> NotRevokedAsync(ClaimsIdentity identity, AccessTokenSubject subject, bool fromCookie)
    {
        switch (await denyList.CheckAsync(subject).ConfigureAwait(false))
        {
            case DenyListVerdict.Accepted:
                return Success(identity);
            case DenyListVerdict.Revoked:
                return RefuseToken(Revoked, fromCookie);
            default:
                // Fail closed: operations answer 503 with Retry-After (DenyListUnavailableFilter); no refresh is tried.
                Context.Items[DenyListUnavailableFilter.UncheckedKey] = true;
                return Refuse(Unchecked);
        }
    }

    // An expired, invalid or revoked ss-tok beside an ss-reftok: the refresh filter renews the cookies (or clears them).
    private AuthenticateResult RefuseToken(TokenCheck check, bool fromCookie)
    {
        if (fromCookie && cookies.ReadRefreshToken(Request) is not null) Context.Items[RefreshCandidateKey] = true;
        return Refuse(check);
    }

    private async Task<AuthenticateResult> FromApiKeyAsync(string key)
    {
        var check = await apiKeys.AuthenticateAsync(key, Context.RequestAborted).ConfigureAwait(false);
        return check.Identity is not null ? Success(check.Identity) : Refuse(check);
    }

    private AuthenticateResult Success(ClaimsIdentity identity) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));

    private AuthenticateResult Refuse(TokenCheck check)
    {
        AuthFailure.Set(Context, new AuthFailure(check.ErrorCode!, check.Message!));
        AuthLog.CredentialsRefused(Logger, check.ErrorCode!);
        return AuthenticateResult.Fail(check.Message!);
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = 401;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
