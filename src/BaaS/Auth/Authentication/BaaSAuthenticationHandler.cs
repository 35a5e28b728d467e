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
/// Refused credentials leave the caller anonymous and record why (<see cref="AuthFailure"/>), so a protected
/// operation answers 401 saying so. An expired or missing <c>ss-tok</c> beside an <c>ss-reftok</c> marks the request
/// for the refresh filter, which renews the cookies (ServiceStack's server-side refresh for browser clients).
/// </summary>
internal sealed class BaaSAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    AccessTokens accessTokens,
    ApiKeyStore apiKeys,
    AuthCookies cookies,
    IOptions<AuthOptions> authOptions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder)
{
    internal static readonly object RefreshCandidateKey = new();

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var authorization = Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var bearer = authorization.AsSpan("Bearer ".Length).Trim();
            if (bearer.StartsWith(AuthDefaults.ApiKeyPrefix, StringComparison.Ordinal))
                return await FromApiKeyAsync(bearer.ToString()).ConfigureAwait(false);
            // A token this node has seen: no copy of it, no task (the common case: a client sends it every time).
            if (accessTokens.TryGetValidated(bearer, out var known)) return Success(known!);
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
        if (check.Identity is not null) return Success(check.Identity);
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
