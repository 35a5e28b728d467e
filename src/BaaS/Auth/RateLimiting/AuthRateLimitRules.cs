using BaaS.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace BaaS.Auth.RateLimiting;

/// <summary>
/// The sign-in policy <c>auth</c> of the rate limits: the operations that take passwords, spend refresh tokens or send
/// email share one budget per client IP address (<see cref="AuthRateLimitOptions"/>, <c>Auth:RateLimit</c>: 20 a minute),
/// on every route of those DTOs (their <c>[Route]</c>s, <c>/api/{Name}</c>, <c>/json/reply/{Name}</c>, batches), counted in
/// the cache so the budget holds across nodes. It fails closed: with its counters away those operations answer 503,
/// since an unlimited password guesser costs more than a refused sign-in. Reading the session (<c>GET /auth</c>) and
/// OAuth redirects take no password and are not counted.
/// </summary>
internal sealed class AuthRateLimitRules(IOptions<AuthOptions> options) : IRateLimitRuleSource
{
    /// <summary>The policy's name, in 429 answers, the metadata and <c>BaaS:RateLimits:Policies:auth</c>.</summary>
    public const string PolicyName = "auth";

    private static readonly HashSet<Type> Limited =
    [
        typeof(Authenticate), typeof(Register), typeof(GetAccessToken), typeof(ForgotPassword), typeof(ResetPassword),
        typeof(SendEmailConfirmation), typeof(ConfirmEmail), typeof(ChangePassword),
        typeof(SendSignInCode), typeof(SignInWithCode), typeof(SendEmailVerificationCode), typeof(ConfirmEmailWithCode),
    ];

    public IEnumerable<RateLimitRule> CreateRules()
    {
        var settings = options.Value.RateLimit;
        if (!settings.Enabled) yield break;
        var policy = new RateLimitPolicy(PolicyName, settings.PermitLimit, settings.Window, RateLimitPartition.Ip, RateLimitFailureMode.Closed);
        yield return new RateLimitRule(policy, o => Limited.Contains(o.RequestType), FilterOrder.AuthRateLimit,
            static (http, operation) => !(operation.RequestType == typeof(Authenticate) && HttpMethods.IsGet(http.Request.Method)));
    }
}
