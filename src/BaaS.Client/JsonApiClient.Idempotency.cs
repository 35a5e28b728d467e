namespace BaaS.Client;

public partial class JsonApiClient
{
    /// <summary>The header that makes a write safe to retry: <c>Idempotency-Key</c>.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>
    /// Called with every request message just before it is sent (after <see cref="Headers"/> and the bearer token are
    /// applied): the hook for per-client headers computed per request, tracing, or logging.
    /// </summary>
    public Action<HttpRequestMessage>? RequestFilter { get; set; }

    /// <summary>
    /// Sends the request with its preferred verb and an <c>Idempotency-Key</c>: sending it again with the same key (after a
    /// timeout, a dropped connection or a 5xx) answers the first call's response without doing the write twice. Use a new
    /// key (a <see cref="Guid"/>) per operation the user meant, and the same key for each retry of it. Throws
    /// <see cref="WebServiceException"/> on failure; 409 means the first call is still running (retry later).
    /// </summary>
    public Task<TResponse> SendAsync<TResponse>(IReturn<TResponse> request, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        var verb = HttpVerbs.Preferred(request.GetType());
        return WithRefreshAsync(() => CreateMessage(verb, request, idempotencyKey), SendMessageAsync<TResponse>, request, cancellationToken);
    }

    /// <summary>
    /// <see cref="SendAsync{TResponse}(IReturn{TResponse}, string, CancellationToken)"/> with HTTP failures in the result
    /// instead of exceptions.
    /// </summary>
    public async Task<ApiResult<TResponse>> ApiAsync<TResponse>(IReturn<TResponse> request, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        try
        {
            return ApiResult<TResponse>.Success(await SendAsync(request, idempotencyKey, cancellationToken).ConfigureAwait(false), 200);
        }
        catch (WebServiceException e)
        {
            return ApiResult<TResponse>.Failure(e.ResponseStatus, e.StatusCode);
        }
    }
}
