using BaaS.Formats;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaaS.Security;

/// <summary>
/// Sign-in forgery: a page of another site posting its own credentials to the sign-in (or registration) of this one
/// would sign the visitor's browser into the attacker's account, whose cookies then come with every request. The
/// cross-site check cannot see it (the browser has no session cookie yet), so the operations that start a session
/// refuse, with 403 <c>UntrustedOrigin</c>, a request whose <c>Origin</c> (else <c>Referer</c>) is another site the
/// site does not trust. A request that names no origin (a program, not a page) passes. Off with the cross-site check
/// (<c>BaaS:Security:Csrf:Enabled</c>).
/// </summary>
internal sealed class SignInOriginFilter(IOptions<SecurityOptions> options, IOptions<BaaSOptions> baasOptions, ILogger<SignInOriginFilter> logger)
    : IOperationFilter
{
    private static readonly HashSet<Type> StartSessions = [typeof(Authenticate), typeof(Register)];

    private readonly HashSet<string> _trusted = Origins.Trusted(options.Value, baasOptions.Value.PublicUrl);

    public int Order => FilterOrder.AuthRateLimit - 1;

    public bool RunsBeforeBinding => true;

    public bool AppliesTo(Operation operation) => options.Value.Csrf.Enabled && StartSessions.Contains(operation.RequestType);

    public ValueTask InvokeAsync(OperationContext run, OperationFilterDelegate next)
    {
        var request = run.HttpContext.Request;
        if (run.Kind != OperationKind.Gateway && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) &&
            Named(request) is { } seen && (Origins.Of(seen) is not { } origin || !(_trusted.Contains(origin) || origin == Origins.OfRequest(request))))
        {
            SecurityLog.CrossSiteRequestRefused(logger, request.Method, request.Path.Value ?? "/", seen);
            throw new HttpError(StatusCodes.Status403Forbidden, CrossSiteRequestMiddleware.ErrorCode,
                $"{run.Operation.Name} comes from '{seen}', which this site does not trust: signing in and registering must happen on the " +
                "site's own pages. Add the origin to BaaS:Security:Csrf:TrustedOrigins (or the CORS origins) if it is yours.");
        }
        return next(run);
    }

    /// <summary>What the request says it comes from: its <c>Origin</c>, else its <c>Referer</c>; null when neither.</summary>
    private static string? Named(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0) return origin;
        var referer = request.Headers.Referer.ToString();
        return referer.Length > 0 ? referer : null;
    }
}
