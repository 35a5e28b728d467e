using System.Diagnostics;
using System.Security.Claims;
using BaaS.Errors;
using Microsoft.AspNetCore.Http;

namespace BaaS;

/// <summary>
/// One run of an operation through its pipeline: what was called and how, by whom, and (once the later steps have
/// run) the outcome. Filters read and change it; see <see cref="IOperationFilter"/>.
/// </summary>
public sealed class OperationContext
{
    private readonly long _started;
    private Exception? _exception;
    private object? _response;

    internal OperationContext(HttpContext httpContext, Operation operation, string verb, OperationKind kind, OperationFilterDelegate body)
    {
        HttpContext = httpContext;
        Operation = operation;
        Verb = verb;
        Kind = kind;
        Body = body;
        _started = Stopwatch.GetTimestamp();
    }

    /// <summary>The request (for an in-process call, a context carrying the caller's user and services).</summary>
    public HttpContext HttpContext { get; }

    /// <summary>The operation being called.</summary>
    public Operation Operation { get; }

    /// <summary>The HTTP verb the operation runs with.</summary>
    public string Verb { get; }

    /// <summary>How the operation was called.</summary>
    public OperationKind Kind { get; }

    /// <summary>The caller (an anonymous principal when nobody is signed in).</summary>
    public ClaimsPrincipal User => HttpContext.User;

    /// <summary>The request's services.</summary>
    public IServiceProvider Services => HttpContext.RequestServices;

    /// <summary>Fires when the caller goes away.</summary>
    public CancellationToken RequestAborted => HttpContext.RequestAborted;

    /// <summary>
    /// The bound request DTO: null in before-binding filters, and in a batch's before-binding filters for the whole run
    /// (each request of the batch is set in turn for the after-binding filters).
    /// </summary>
    public object? Request { get; internal set; }

    /// <summary>
    /// The response: what the service returned (an <see cref="HttpResult"/> is kept as it is), for a batch the list of
    /// responses. Setting it clears <see cref="Exception"/> and sets <see cref="StatusCode"/> from the value, so a
    /// filter that sets it without calling <c>next</c> answers in the service's place.
    /// </summary>
    public object? Response
    {
        get => _response;
        set
        {
            _response = value;
            _exception = null;
            StatusCode = StatusOf(value);
        }
    }

    /// <summary>What failed, or null. Set by <see cref="Fail"/>, or when a later step threw.</summary>
    public Exception? Exception => _exception;

    /// <summary>
    /// The HTTP status the call answers with, as far as the pipeline has run: 200 before anything has happened, the
    /// response's status once the service ran (204 for no body), the error's status once something failed (499 when the
    /// caller went away).
    /// </summary>
    public int StatusCode { get; private set; } = StatusCodes.Status200OK;

    /// <summary>The time since the pipeline started for this call.</summary>
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_started);

    /// <summary>
    /// Records a failure: the call answers <paramref name="exception"/> as a <c>ResponseStatus</c> (an
    /// <see cref="HttpError"/> with its status), unless a filter that runs after this one replaces it.
    /// </summary>
    public void Fail(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        _response = null;
        _exception = exception;
        StatusCode = exception is OperationCanceledException && HttpContext.RequestAborted.IsCancellationRequested
            ? StatusCodes.Status499ClientClosedRequest
            : ErrorMapper.StatusOf(exception);
    }

    /// <summary>The rest of the run after the before-binding filters: bind and run the after-binding filters and the service.</summary>
    internal OperationFilterDelegate Body { get; }

    /// <summary>What the body needs from the way in: an HTTP call's route values, a batch's progress, a gateway call's DTO.</summary>
    internal object? BodyState { get; init; }

    /// <summary>The response format an HTTP call asked for.</summary>
    internal Formats.ResponseFormat Format { get; set; }

    /// <summary>Set by the batch transaction when it rolled back: then no request of the batch stands.</summary>
    internal bool RolledBack { get; set; }

    private static int StatusOf(object? response) => response switch
    {
        HttpResult result => result.Response is null && result.StatusCode == StatusCodes.Status200OK ? StatusCodes.Status204NoContent : result.StatusCode,
        null => StatusCodes.Status204NoContent,
        _ => StatusCodes.Status200OK,
    };
}
