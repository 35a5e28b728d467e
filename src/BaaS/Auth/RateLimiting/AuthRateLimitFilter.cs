using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaaS.Auth.RateLimiting;

/// <summary>
/// Limits, per client IP address, the operations that take passwords, spend refresh tokens or send email, with a
/// <see cref="PartitionedRateLimiter"/> (System.Threading.RateLimiting, the limiter of ASP.NET Core's rate-limiting
/// middleware) applied as a request filter, so every route of those DTOs (their <c>[Route]</c>s, <c>/api/{Name}</c>,
/// <c>/json/reply/{Name}</c> and batches) counts against the same budget. Over it: 429 with <c>Retry-After</c>
/// (seconds) and a ResponseStatus. In-process calls (no client address) are not limited.
/// </summary>
internal sealed class AuthRateLimitFilter : IOperationFilter, IDisposable
{
    private static readonly HashSet<Type> Limited =
    [
        typeof(Authenticate), typeof(Register), typeof(GetAccessToken), typeof(ForgotPassword), typeof(ResetPassword),
        typeof(SendEmailConfirmation), typeof(ConfirmEmail), typeof(ChangePassword),
    ];

    private readonly AuthRateLimitOptions _options;
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly ILogger<AuthRateLimitFilter> _logger;

    public AuthRateLimitFilter(IOptions<AuthOptions> options, ILogger<AuthRateLimitFilter> logger)
    {
        _options = options.Value.RateLimit;
        _logger = logger;
        var window = _options.Window;
        var permits = _options.PermitLimit;
        _limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true }));
    }

    public int Order => FilterOrder.AuthRateLimit;

    public bool RunsBeforeBinding => true;

    public bool AppliesTo(Operation operation) => _options.Enabled && Limited.Contains(operation.RequestType);

    public ValueTask InvokeAsync(OperationContext run, OperationFilterDelegate next)
    {
        Check(run.HttpContext, run.Operation);
        return next(run);
    }

    private void Check(HttpContext context, Operation operation)
    {
        // Reading the current session (GET /auth) and following OAuth redirects take no password.
        if (operation.RequestType == typeof(Authenticate) && HttpMethods.IsGet(context.Request.Method)) return;
        var client = context.Connection.RemoteIpAddress;
        if (client is null) return;
        using var lease = _limiter.AttemptAcquire(client.ToString());
        if (lease.IsAcquired) return;

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : _options.Window;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        // Set as the response starts: the error writer clears headers before it writes the ResponseStatus.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers.RetryAfter = seconds;
            return Task.CompletedTask;
        });
        AuthLog.RateLimited(_logger, operation.Name, client.ToString());
        throw new HttpError(StatusCodes.Status429TooManyRequests, "TooManyRequests",
            $"Too many requests to {operation.Name} from this address: try again in {seconds} s.");
    }

    public void Dispose() => _limiter.Dispose();
}
