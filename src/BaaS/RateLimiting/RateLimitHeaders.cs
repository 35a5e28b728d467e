using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace BaaS.RateLimiting;

/// <summary>
/// The rate-limit headers of one answer, after draft-ietf-httpapi-ratelimit-headers-06: <c>RateLimit-Limit</c>,
/// <c>RateLimit-Remaining</c>, <c>RateLimit-Reset</c> (seconds until the window ends) and <c>RateLimit-Policy</c>
/// (<c>limit;w=window-seconds</c>), for the policy closest to running out when several applied, plus <c>Retry-After</c>
/// on a refusal. Written as the answer starts, so they survive the error writer, which clears headers.
/// </summary>
internal sealed class RateLimitHeaders
{
    private RateLimitCount? _shown;
    private long? _retryAfterSeconds;

    /// <summary>The headers of <paramref name="context"/>'s answer, created (and hooked to the answer's start) on first use.</summary>
    public static RateLimitHeaders Of(HttpContext context)
    {
        if (context.Features.Get<RateLimitHeaders>() is { } headers) return headers;
        headers = new RateLimitHeaders();
        context.Features.Set(headers);
        context.Response.OnStarting(static state =>
        {
            var (http, h) = ((HttpContext, RateLimitHeaders))state;
            h.Write(http.Response.Headers);
            return Task.CompletedTask;
        }, (context, headers));
        return headers;
    }

    /// <summary>Shows <paramref name="count"/> unless another policy of this call is closer to running out.</summary>
    public void Observe(RateLimitCount count)
    {
        if (_shown is { } shown && (shown.Remaining < count.Remaining || shown.Remaining == count.Remaining && shown.Reset >= count.Reset)) return;
        _shown = count;
    }

    /// <summary>Shows the refusing policy's count and a <c>Retry-After</c>.</summary>
    public void Refuse(RateLimitCount count)
    {
        _shown = count;
        _retryAfterSeconds = count.ResetSeconds;
    }

    /// <summary>Asks the client to wait <paramref name="retryAfter"/> (a fail-closed policy that could not count).</summary>
    public void RetryAfter(TimeSpan retryAfter) => _retryAfterSeconds = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));

    private void Write(IHeaderDictionary headers)
    {
        if (_shown is { } count)
        {
            headers["RateLimit-Limit"] = Text(count.Policy.PermitLimit);
            headers["RateLimit-Remaining"] = Text(count.Remaining);
            headers["RateLimit-Reset"] = Text(count.ResetSeconds);
            headers["RateLimit-Policy"] = Text(count.Policy.PermitLimit) + ";w=" + Text((long)Math.Ceiling(count.Policy.Window.TotalSeconds));
        }
        if (_retryAfterSeconds is { } seconds) headers.RetryAfter = Text(seconds);
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
