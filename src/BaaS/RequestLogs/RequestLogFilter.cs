using System.Diagnostics;
using BaaS.Auth;
using BaaS.Errors;
using Microsoft.AspNetCore.Http;

namespace BaaS.RequestLogs;

/// <summary>
/// Records every call of the operations it applies to, outermost in the pipeline and before binding, so refusals
/// (rate limits, authorization, a malformed body) are recorded too: an HTTP call once its response has been sent (with
/// the status sent and the bytes written), a whole batch the same way under <c>{Operation}[]</c>, a gateway call as
/// soon as it returns. Its work on the request path is a few field copies and one queue write; formatting, bodies
/// aside, happens in the writer.
/// </summary>
internal sealed class RequestLogFilter(RequestLogQueue queue, RequestLogsOptions options, RequestBodyRedactor redactor, TimeProvider clock,
    IHttpContextAccessor? accessor) : IOperationFilter
{
    private static readonly ErrorMapper Errors = new(includeDetails: false);

    public int Order => FilterOrder.Observe;

    public bool RunsBeforeBinding => true;

    public bool AppliesTo(Operation operation) => options.Enabled && !options.Excluded.Contains(operation.Name);

    public ValueTask InvokeAsync(OperationContext context, OperationFilterDelegate next)
    {
        var started = clock.GetUtcNow().UtcDateTime;
        var counter = context.Kind == OperationKind.Gateway ? null : ResponseByteCounter.Attach(context.HttpContext);
        var pending = next(context); // never throws
        if (!pending.IsCompletedSuccessfully) return Awaited(this, context, pending, started, counter);
        pending.GetAwaiter().GetResult();
        Record(context, started, counter);
        return default;

        [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder))]
        static async ValueTask Awaited(RequestLogFilter filter, OperationContext context, ValueTask pending, DateTime started, ResponseByteCounter? counter)
        {
            await pending.ConfigureAwait(false);
            filter.Record(context, started, counter);
        }
    }

    private void Record(OperationContext context, DateTime started, ResponseByteCounter? counter)
    {
        var http = context.HttpContext;
        var entry = NewEntry(context, started, context.Elapsed.TotalMilliseconds, options.IncludeBodies && context.Kind != OperationKind.Batch ? redactor : null);
        if (context.Kind == OperationKind.Batch)
        {
            entry.Kind = "Batch";
            entry.Operation = context.Operation.Name + "[]";
        }
        entry.Path = http.Request.Path.Value ?? "";
        // A gateway call's context has no connection: the address is the HTTP request's it was made in, if any.
        entry.ClientIp = context.Kind == OperationKind.Gateway ? accessor?.HttpContext?.Connection.RemoteIpAddress : http.Connection.RemoteIpAddress;
        if (counter is null)
        {
            queue.Add(entry);
            return;
        }
        // Queued once the response is sent: the status sent (an ASP.NET result or a failed write may change it) and its size.
        entry.Pending = http;
        entry.Counter = counter;
        entry.Queue = queue;
        http.Response.OnCompleted(static state => Complete((RequestLogEntry)state), entry);
    }

    private static Task Complete(RequestLogEntry entry)
    {
        var response = entry.Pending!.Response;
        if (entry.StatusCode != StatusCodes.Status499ClientClosedRequest) entry.StatusCode = response.StatusCode;
        entry.ResponseBytes = entry.Counter!.Bytes;
        var queue = entry.Queue!;
        entry.Pending = null;
        entry.Counter = null;
        entry.Queue = null;
        queue.Add(entry);
        return Task.CompletedTask;
    }

    /// <summary>An entry for the call (or the request of a batch) that <paramref name="context"/> has just run.</summary>
    internal RequestLogEntry NewEntry(OperationContext context, DateTime started, double durationMs, RequestBodyRedactor? bodies)
    {
        var user = context.User;
        var entry = new RequestLogEntry
        {
            Timestamp = started,
            Kind = context.Kind == OperationKind.Gateway ? "Gateway" : "Http",
            Operation = context.Operation.Name,
            Verb = context.Verb,
            StatusCode = context.StatusCode,
            DurationMs = durationMs,
            UserId = user.GetUserId(),
            UserName = user.GetUserName(),
            ApiKeyId = user.GetApiKeyId(),
            TraceId = Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? activity.TraceId : null,
        };
        if (context.Exception is { } exception) (entry.ErrorCode, entry.ErrorMessage) = ErrorOf(exception, context.StatusCode);
        if (bodies is not null && context.Request is { } request)
        {
            try
            {
                entry.RequestBody = bodies.Write(request);
            }
            catch (Exception e) when (e is NotSupportedException or InvalidOperationException or System.Text.Json.JsonException)
            {
                // A DTO the wire format cannot write (a cycle, a stream): say so rather than lose the row.
                entry.RequestBody = "(not recorded: " + e.GetType().Name + ")";
            }
        }
        return entry;
    }

    /// <summary>
    /// The error code and message recorded for a failure: what the client was told for a 4xx; for a 5xx the real cause
    /// (its code or type and its message), which clients outside Development are not shown but administrators need.
    /// </summary>
    private static (string Code, string Message) ErrorOf(Exception exception, int status)
    {
        if (status == StatusCodes.Status499ClientClosedRequest) return ("ClientClosedRequest", "The caller went away before the answer.");
        if (exception is AggregateException { InnerExceptions.Count: 1 } aggregate) exception = aggregate.InnerExceptions[0];
        if (status >= 500)
            return (exception is IHasErrorCode { ErrorCode: { Length: > 0 } code } ? code : exception.GetType().Name, exception.Message);
        var (_, told) = Errors.Map(exception);
        return (told.ErrorCode ?? exception.GetType().Name, told.Message ?? exception.Message);
    }
}
