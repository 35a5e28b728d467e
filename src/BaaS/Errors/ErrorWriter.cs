using BaaS.Formats;
using BaaS.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BaaS.Errors;

/// <summary>Writes an exception as <c>{ "responseStatus": ... }</c> with its status, and logs it.</summary>
internal sealed class ErrorWriter(ErrorMapper mapper, ResponseWriter writer, ILogger logger)
{
    /// <param name="context">The request.</param>
    /// <param name="operation">The operation's name, for the log.</param>
    /// <param name="exception">What went wrong.</param>
    /// <param name="header">A header to send with the error (the response is cleared first, so it must be given here).</param>
    public async Task WriteAsync(HttpContext context, string operation, Exception exception, KeyValuePair<string, string>? header = null)
    {
        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            Log.Aborted(logger, operation);
            return;
        }

        var (status, responseStatus) = mapper.Map(exception);
        // A database that is away is expected now and then: one line per answer, not a stack trace each.
        if (ErrorMapper.UnavailableOf(exception) is { } unavailable) Log.Unavailable(logger, operation, unavailable.Message);
        // The cache's store away (the cache logs it) or a closed rate limit without its store (the limiter does): each
        // once per interval, not once per answer.
        else if (exception is RateLimitUnavailableException or CacheUnavailableException) { }
        else if (status >= 500) Log.ServerError(logger, operation, status, exception);
        else Log.ClientError(logger, operation, status, responseStatus.ErrorCode, responseStatus.Message);

        if (context.Response.HasStarted)
        {
            // Part of the body is already on the wire (a streamed CSV, say): the only honest signal left is to cut it.
            context.Abort();
            return;
        }
        context.Response.Clear();
        if (header is { } h) context.Response.Headers[h.Key] = h.Value;
        else if (ErrorMapper.RetryAfterOf(exception) is { } retryAfter)
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await WriteAsync(context, status, responseStatus).ConfigureAwait(false);
    }

    public Task WriteAsync(HttpContext context, int status, ResponseStatus responseStatus)
    {
        responseStatus.Errors ??= [];
        return writer.WriteJsonAsync(context, new ErrorResponse { ResponseStatus = responseStatus }, status);
    }
}
