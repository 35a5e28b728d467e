using BaaS.Auth.Sessions;
using BaaS.Auth.Tokens;
using BaaS.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaaS.Auth.OAuth;

/// <summary>
/// The browser side of an OAuth sign-in at <c>/auth/{provider}</c>. Without <c>code</c>: remember state, PKCE
/// verifier, nonce and return URL, and redirect (302) to the provider. With <c>code</c> and <c>state</c> (the callback):
/// check the state against the cookie, trade the code, find or make the account, start a session (token cookies) and
/// redirect to the return URL. A provider's <c>error</c> is a 401; a missing or different state a 400.
/// </summary>
internal sealed class OAuthSignInFlow(
    OAuthProviders providers, OAuthState state, OAuthAccounts accounts, AuthSessions sessions, IDbConnectionFactory dbFactory,
    IOptions<BaaSOptions> baas, TimeProvider clock, ILogger<OAuthSignInFlow> logger)
{
    public async Task<HttpResult> HandleAsync(HttpContext context, string name, string? returnUrl, CancellationToken ct)
    {
        var provider = providers.Find(name)
            ?? throw HttpError.NotFound($"No sign-in provider is named '{Text.WireFormat.Clip(name)}' (configured: {string.Join(", ", providers.Names.DefaultIfEmpty("none"))}).", "UnknownProvider");
        var query = context.Request.Query;
        var redirectUri = CallbackUrl(context, provider.Name);
        try
        {
            if (query.ContainsKey("error"))
            {
                state.Take(context);
                throw new OAuthException("OAuthDenied", $"{provider.DisplayName} did not sign you in: {query["error"]} {query["error_description"]}".TrimEnd());
            }
            if (!query.TryGetValue("code", out var code)) return await StartAsync(context, provider, returnUrl, redirectUri, ct).ConfigureAwait(false);

            var pending = state.Take(context)
                ?? throw new HttpError(400, "OAuthStateMissing", "The sign-in expired or began in another browser: start it again.");
            if (!string.Equals(pending.Provider, provider.Name, StringComparison.OrdinalIgnoreCase) || !OAuthState.SameState(pending.State, query["state"]))
                throw new HttpError(400, "OAuthStateMismatch", "The sign-in's state does not match the one this browser started: start it again.");

            var identity = await provider.SignInAsync(code.ToString(), redirectUri, pending.Verifier, pending.Nonce, ct).ConfigureAwait(false);
            var user = await accounts.FindOrCreateAsync(identity, provider.DisplayName).ConfigureAwait(false);
            if (user.LockoutEnabled && user.LockoutEnd is { } end && end > clock.GetUtcNow())
                throw HttpError.Unauthorized("This account is locked.", "AccountLocked");
            AuthUserInfo info;
            await using (var db = await dbFactory.OpenAsync(ct).ConfigureAwait(false))
                info = await AuthUsers.LoadAsync(db, user, ct).ConfigureAwait(false);
            await sessions.SignInAsync(context, info, provider.Name, persistent: true, ct).ConfigureAwait(false);
            return Redirect(pending.ReturnUrl ?? "/");
        }
        catch (HttpError e)
        {
            AuthLog.OAuthFailed(logger, provider.Name, e.ErrorCode, e.Message);
            throw;
        }
    }

    private async Task<HttpResult> StartAsync(HttpContext context, OAuthProvider provider, string? returnUrl, string redirectUri, CancellationToken ct)
    {
        if (returnUrl is not null && !IsLocal(returnUrl))
            throw HttpError.Validation(nameof(Authenticate.ReturnUrl), "InvalidReturnUrl", "'ReturnUrl' must be a path of this site, such as /orders.");
        var pending = new OAuthState.Pending(provider.Name, OAuthState.Random(), OAuthState.Random(), OAuthState.Random(), returnUrl);
        var url = await provider.AuthorizationUrlAsync(redirectUri, pending.State, OAuthState.Challenge(pending.Verifier), pending.Nonce, ct).ConfigureAwait(false);
        state.Save(context, pending);
        return Redirect(url);
    }

    private string CallbackUrl(HttpContext context, string name)
    {
        var baseUrl = baas.Value.BaseUrlOf(context.Request);
        return $"{baseUrl}/auth/{Uri.EscapeDataString(name)}";
    }

    /// <summary>A path of this site: <c>/x</c>, but not <c>//host</c> or <c>/\host</c>, which browsers treat as other sites.</summary>
    private static bool IsLocal(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) &&
        !url.Any(char.IsControl);

    private static HttpResult Redirect(string url) => new(null, StatusCodes.Status302Found) { Headers = { ["Location"] = url, ["Cache-Control"] = "no-store" } };
}
