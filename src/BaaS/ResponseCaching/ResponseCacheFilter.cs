using BaaS.Formats;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace BaaS.ResponseCaching;

/// <summary>
/// Answers GET calls of operations with <see cref="CacheResponseAttribute"/> from the cache, and caches their answers.
/// On a miss the service runs and its answer is rendered once to bytes, which are both written and cached, so a hit
/// serves exactly what the first call wrote (body, status, content type, the service's headers), with an <c>ETag</c>
/// and <c>Cache-Control</c>; <c>If-None-Match</c> naming the ETag answers 304 without a body.
/// </summary>
/// <remarks>
/// Passed through untouched: other verbs, batches and in-process calls; a signed-in caller (or an API key) when the
/// policy varies neither by user nor by roles. Answered but not stored: errors and other non-2xx answers, empty
/// answers (204), streams, bytes and ASP.NET Core results, bodies above <see cref="ResponseCacheOptions.MaxBodySize"/>.
/// When the cache cannot be reached every call is answered fresh (and nothing is stored) until it is back.
/// </remarks>
internal sealed class ResponseCacheFilter(ResponseCache versions, ICache cache, IOptions<ResponseCacheOptions> options) : IOperationFilter
{
    /// <summary>Says whether an answer came from the cache (<c>HIT</c>) or was cached now (<c>MISS</c>).</summary>
    public const string StatusHeader = "X-Cache";

    // Headers a cached answer never repeats: caching headers are the filter's own, cookies belong to one caller.
    private static readonly HashSet<string> UncachedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Set-Cookie", "Cache-Control", "ETag", "Expires", "Age", "Vary", "Content-Type", "Content-Length", StatusHeader,
    };

    private readonly ResponseWriter _writer = new(Text.JsonProtocol.Options);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Operation, ResponseCachePolicy> _policies = new();

    public int Order => FilterOrder.ResponseCache;

    // Asked once per operation at startup: the policy is read there, and only operations that have one pay anything.
    public bool AppliesTo(Operation operation)
    {
        if (ResponseCachePolicy.Of(operation) is not { } policy) return false;
        _policies[operation] = policy;
        return true;
    }

    public async ValueTask InvokeAsync(OperationContext context, OperationFilterDelegate next)
    {
        var policy = _policies[context.Operation];
        if (context.Kind != OperationKind.Http || !HttpMethods.IsGet(context.HttpContext.Request.Method)
            || (context.User.Identity?.IsAuthenticated == true && !policy.IsPrivate))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var cancellation = context.RequestAborted;
        await versions.RetryPendingAsync(cancellation).ConfigureAwait(false);
        var current = await versions.VersionsAsync(policy.Tags, cancellation).ConfigureAwait(false);
        var key = current is null ? null : ResponseCacheKey.Of(policy, context, current);
        if (key is not null && (await cache.GetAsync<CachedAnswer>(key, cancellation).ConfigureAwait(false)).TryGetValue(out var hit) && hit is not null)
        {
            Answer(context, policy, hit, fromCache: true);
            return;
        }

        await next(context).ConfigureAwait(false);
        if (context.Exception is not null || context.StatusCode is < 200 or > 299 or 204 or 206) return;
        var (result, headers) = context.Response is HttpResult http ? (http.Response, http.Headers) : (context.Response, null);
        if (await _writer.RenderAsync(result, context.Format, cancellation).ConfigureAwait(false) is not { } rendered) return;

        var kept = headers?.Where(h => !UncachedHeaders.Contains(h.Key)).ToDictionary(StringComparer.OrdinalIgnoreCase);
        var answer = new CachedAnswer(context.StatusCode, rendered.ContentType, rendered.Body, ResponseCacheKey.ETagOf(rendered.ContentType, rendered.Body),
            kept is { Count: > 0 } ? kept : null);
        if (key is not null && answer.Body.Length <= options.Value.MaxBodySize)
            await cache.SetAsync(key, answer, policy.Duration, cancellation).ConfigureAwait(false);
        Answer(context, policy, answer with { Headers = headers }, fromCache: false); // this caller gets every header the service set
    }

    /// <summary>Answers <paramref name="answer"/>'s bytes, or 304 when the caller already has them.</summary>
    private static void Answer(OperationContext context, ResponseCachePolicy policy, CachedAnswer answer, bool fromCache)
    {
        var notModified = ResponseCacheKey.Matches(context.HttpContext.Request.Headers.IfNoneMatch.ToString(), answer.ETag);
        var result = notModified ? new HttpResult(null, StatusCodes.Status304NotModified) : new HttpResult(answer.Body, answer.Status);
        if (!notModified)
        {
            foreach (var (name, value) in answer.Headers ?? []) result.Headers[name] = value;
            result.Headers["Content-Type"] = answer.ContentType;
        }
        result.Headers["ETag"] = answer.ETag;
        result.Headers["Cache-Control"] = policy.CacheControl;
        // The format may come from Accept; a shared cache must not give one caller's answer to a request with credentials.
        result.Headers["Vary"] = policy.IsPrivate ? "Accept" : "Accept, Authorization, Cookie";
        result.Headers[StatusHeader] = fromCache ? "HIT" : "MISS";
        context.Response = result;
    }
}
