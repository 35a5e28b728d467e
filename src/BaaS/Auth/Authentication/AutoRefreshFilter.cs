using System.Security.Claims;
using BaaS.Auth.Sessions;
using Microsoft.AspNetCore.Http;

namespace BaaS.Auth.Authentication;

/// <summary>
/// Renews the token cookies of a browser whose <c>ss-tok</c> expired (or went missing) while its <c>ss-reftok</c> is
/// still good, before authorization runs: the refresh token rotates, new cookies go out with the response, and the
/// request proceeds as the user. ServiceStack servers do the same, which its browser client relies on.
/// <see cref="GetAccessToken"/> is left alone: it rotates the token itself.
/// </summary>
internal sealed class AutoRefreshFilter(AuthCookies cookies, AuthSessions sessions, Tokens.AccessTokens accessTokens) : IOperationFilter
{
    public int Order => FilterOrder.AutoRefresh;

    public bool RunsBeforeBinding => true;

    public bool AppliesTo(Operation operation) => operation.RequestType != typeof(GetAccessToken);

    public ValueTask InvokeAsync(OperationContext run, OperationFilterDelegate next)
    {
        var context = run.HttpContext;
        // Most requests carry a valid token or none: they pass with no await.
        if (!context.Items.ContainsKey(BaaSAuthenticationHandler.RefreshCandidateKey) || context.User.Identity?.IsAuthenticated == true) return next(run);
        return RefreshThenNextAsync(run, next);
    }

    private async ValueTask RefreshThenNextAsync(OperationContext run, OperationFilterDelegate next)
    {
        await RefreshAsync(run.HttpContext).ConfigureAwait(false);
        await next(run).ConfigureAwait(false);
    }

    private async ValueTask RefreshAsync(HttpContext context)
    {
        context.Items.Remove(BaaSAuthenticationHandler.RefreshCandidateKey);
        var refreshToken = cookies.ReadRefreshToken(context.Request);
        if (refreshToken is null) return;
        try
        {
            var session = await sessions.RefreshAsync(refreshToken, context.RequestAborted).ConfigureAwait(false);
            sessions.SetCookies(context, session);
            var validated = await accessTokens.ValidateAsync(session.AccessToken).ConfigureAwait(false);
            if (validated.Identity is not null) context.User = new ClaimsPrincipal(validated.Identity);
        }
        catch (HttpError e) when (e.StatusCode == StatusCodes.Status401Unauthorized)
        {
            // The session is over: stop the browser sending dead cookies, and say why if the operation needs a user.
            cookies.Clear(context);
            AuthFailure.Set(context, new AuthFailure(e.ErrorCode, e.Message));
        }
    }
}
