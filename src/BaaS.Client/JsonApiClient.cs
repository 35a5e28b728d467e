using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BaaS.Text;

namespace BaaS.Client;

/// <summary>
/// The typed C# client: sends request DTOs to <c>/api/{Name}</c> with the verb their <see cref="IVerb"/> marker names
/// (POST when none), GET and DELETE properties in the query string, others as a JSON body.
/// </summary>
/// <example>
/// <code>
/// using var client = new JsonApiClient("http://localhost:5000");
/// var result = await client.ApiAsync(new GetRestaurant { Id = 1 });
/// if (result.Succeeded) Console.WriteLine(result.Response!.Name);
/// </code>
/// </example>
public partial class JsonApiClient : IDisposable
{
    private readonly bool _ownsClient;

    /// <summary>A client for the server at <paramref name="baseUrl"/>, with its own HttpClient and cookie jar.</summary>
    public JsonApiClient(string baseUrl)
        : this(new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true }) { BaseAddress = new Uri(baseUrl) }, true) { }

    /// <summary>A client over an existing HttpClient (its BaseAddress must point at the server).</summary>
    public JsonApiClient(HttpClient httpClient) : this(httpClient, false) { }

    private JsonApiClient(HttpClient httpClient, bool ownsClient)
    {
        HttpClient = httpClient;
        _ownsClient = ownsClient;
    }

    /// <summary>The underlying HttpClient.</summary>
    public HttpClient HttpClient { get; }

    /// <summary>The path request DTOs are sent to, before their name. Default: <c>/api/</c>.</summary>
    public string BasePath { get; set; } = "/api/";

    /// <summary>Sent as <c>Authorization: Bearer ...</c> when set.</summary>
    public string? BearerToken { get; set; }

    /// <summary>
    /// The refresh token from <c>Authenticate</c>. When set, a request answered 401 (an expired access token) is retried
    /// once after trading it for a new access token at <c>/api/GetAccessToken</c>; the server rotates refresh tokens, so
    /// the new one replaces this. A failed trade throws <see cref="RefreshTokenException"/>.
    /// </summary>
    public string? RefreshToken { get; set; }

    /// <summary>Headers added to every request.</summary>
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The JSON options of the wire format.</summary>
    public JsonSerializerOptions JsonOptions { get; init; } = JsonProtocol.Options;

    /// <summary>Sends the request with its preferred verb; HTTP failures come back in the result, not as exceptions.</summary>
    public async Task<ApiResult<TResponse>> ApiAsync<TResponse>(IReturn<TResponse> request, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await SendAsync(HttpVerbs.Preferred(request.GetType()), request, cancellationToken).ConfigureAwait(false);
            return ApiResult<TResponse>.Success(response, 200);
        }
        catch (WebServiceException e)
        {
            return ApiResult<TResponse>.Failure(e.ResponseStatus, e.StatusCode);
        }
    }

    /// <summary>Sends a request that answers no body; HTTP failures come back in the result.</summary>
    public async Task<ApiResult<EmptyResponse>> ApiAsync(IReturnVoid request, CancellationToken cancellationToken = default)
    {
        try
        {
            await SendVoidAsync(HttpVerbs.Preferred(request.GetType()), request, cancellationToken).ConfigureAwait(false);
            return ApiResult<EmptyResponse>.Success(new EmptyResponse(), 204);
        }
        catch (WebServiceException e)
        {
            return ApiResult<EmptyResponse>.Failure(e.ResponseStatus, e.StatusCode);
        }
    }

    /// <summary>Sends the request with its preferred verb; throws <see cref="WebServiceException"/> on failure.</summary>
    public Task<TResponse> SendAsync<TResponse>(IReturn<TResponse> request, CancellationToken cancellationToken = default) =>
        SendAsync(HttpVerbs.Preferred(request.GetType()), request, cancellationToken);

    /// <summary>Sends a request that answers no body; throws <see cref="WebServiceException"/> on failure.</summary>
    public Task SendAsync(IReturnVoid request, CancellationToken cancellationToken = default) =>
        SendVoidAsync(HttpVerbs.Preferred(request.GetType()), request, cancellationToken);

    /// <summary>Sends the request as GET.</summary>
    public Task<TResponse> GetAsync<TResponse>(IReturn<TResponse> request, CancellationToken cancellationToken = default) =>
        SendAsync(HttpVerbs.Get, request, cancellationToken);

    /// <summary>Sends the request as POST.</summary>
    public Task<TResponse> PostAsync<TResponse>(IReturn<TResponse> request, CancellationToken cancellationToken = default) =>
        SendAsync(HttpVerbs.Post, request, cancellationToken);

    /// <summary>Sends the request as PUT.</summary>
    public Task<TResponse> PutAsync<TResponse>(IReturn<TResponse> request, CancellationToken cancellationToken = default) =>
        SendAsync(HttpVerbs.Put, request, cancellationToken);

    /// <summary>Sends the request as PATCH.</summary>
    public Task<TResponse> PatchAsync<TResponse>(IReturn<TResponse> request, CancellationToken cancellationToken = default) =>
        SendAsync(HttpVerbs.Patch, request, cancellationToken);

    /// <summary>Sends the request as DELETE.</summary>
    public Task<TResponse> DeleteAsync<TResponse>(IReturn<TResponse> request, CancellationToken cancellationToken = default) =>
        SendAsync(HttpVerbs.Delete, request, cancellationToken);

    /// <summary>Sends a request DTO with a chosen verb and reads a <typeparamref name="TResponse"/>.</summary>
    public Task<TResponse> SendAsync<TResponse>(string verb, IReturn<TResponse> request, CancellationToken cancellationToken = default) =>
        WithRefreshAsync(() => CreateMessage(verb, request), SendMessageAsync<TResponse>, request, cancellationToken);

    /// <summary>Sends a request DTO with a chosen verb and expects no body.</summary>
    public Task SendVoidAsync(string verb, object request, CancellationToken cancellationToken = default) =>
        WithRefreshAsync(() => CreateMessage(verb, request), async (message, ct) =>
        {
            using var response = await HttpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode) throw await ErrorOf(response, ct).ConfigureAwait(false);
            return true;
        }, request, cancellationToken);

    /// <summary>Sends any body (or none) to a URL and reads a <typeparamref name="TResponse"/>: for routes and non-DTO endpoints.</summary>
    public Task<TResponse> SendAsync<TResponse>(string verb, string relativeOrAbsoluteUrl, object? body = null, CancellationToken cancellationToken = default) =>
        WithRefreshAsync(() =>
        {
            var message = new HttpRequestMessage(new HttpMethod(verb), relativeOrAbsoluteUrl);
            if (body is not null) message.Content = JsonContent(body);
            ApplyHeaders(message);
            return message;
        }, SendMessageAsync<TResponse>, body, cancellationToken);

    /// <summary>
    /// Sends a message; on a 401 with a refresh token at hand, trades it for a new access token and sends a fresh
    /// copy of the message once more.
    /// </summary>
    private async Task<T> WithRefreshAsync<T>(Func<HttpRequestMessage> create, Func<HttpRequestMessage, CancellationToken, Task<T>> send,
        object? request, CancellationToken cancellationToken)
    {
        using (var message = create())
        {
            try
            {
                return await send(message, cancellationToken).ConfigureAwait(false);
            }
            catch (WebServiceException e) when (e.StatusCode == 401 && RefreshToken is not null && request is not GetAccessToken)
            {
                await RefreshAccessTokenAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        using var retry = create();
        return await send(retry, cancellationToken).ConfigureAwait(false);
    }

    private async Task RefreshAccessTokenAsync(CancellationToken cancellationToken)
    {
        GetAccessTokenResponse response;
        try
        {
            using var message = CreateMessage(HttpVerbs.Post, new GetAccessToken { RefreshToken = RefreshToken });
            message.Headers.Authorization = null; // the expired token would only be refused again
            response = await SendMessageAsync<GetAccessTokenResponse>(message, cancellationToken).ConfigureAwait(false);
        }
        catch (WebServiceException e)
        {
            throw new RefreshTokenException(e);
        }
        BearerToken = response.AccessToken;
        if (response.RefreshToken is not null) RefreshToken = response.RefreshToken;
    }

    private HttpRequestMessage CreateMessage(string verb, object request, string? idempotencyKey)
    {
        var message = CreateMessage(verb, request);
        if (idempotencyKey is not null) message.Headers.TryAddWithoutValidation(IdempotencyKeyHeader, idempotencyKey);
        return message;
    }

    private HttpRequestMessage CreateMessage(string verb, object request)
    {
        var url = BasePath.TrimEnd('/') + "/" + request.GetType().Name;
        if (HttpVerbs.HasBody(verb) && HasFiles(request)) return CreateFileMessage(verb, request, []);
        var message = new HttpRequestMessage(new HttpMethod(verb), HttpVerbs.HasBody(verb) ? url : url + QueryString.Of(request, JsonOptions));
        if (HttpVerbs.HasBody(verb)) message.Content = JsonContent(request);
        ApplyHeaders(message);
        return message;
    }

    private ByteArrayContent JsonContent(object body)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), JsonOptions));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private void ApplyHeaders(HttpRequestMessage message)
    {
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (BearerToken is not null) message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BearerToken);
        foreach (var (name, value) in Headers) message.Headers.TryAddWithoutValidation(name, value);
        RequestFilter?.Invoke(message);
    }

    private async Task<TResponse> SendMessageAsync<TResponse>(HttpRequestMessage message, CancellationToken cancellationToken)
    {
        using var response = await HttpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode) throw await ErrorOf(response, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NoContent) return default!;
        if (typeof(TResponse) == typeof(string))
            return (TResponse)(object)await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (typeof(TResponse) == typeof(byte[]))
            return (TResponse)(object)await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
            return (await JsonSerializer.DeserializeAsync<TResponse>(stream, JsonOptions, cancellationToken).ConfigureAwait(false))!;
    }

    private async Task<WebServiceException> ErrorOf(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        var description = response.ReasonPhrase ?? response.StatusCode.ToString();
        ResponseStatus? responseStatus = null;
        if (body.Length > 0 && body.TrimStart().StartsWith('{'))
        {
            try { responseStatus = JsonSerializer.Deserialize<ErrorResponse>(body, JsonOptions)?.ResponseStatus; }
            catch (JsonException) { /* not our error shape: fall back to the status line */ }
        }
        responseStatus ??= new ResponseStatus(response.StatusCode.ToString(), description);
        return new WebServiceException(status, description, responseStatus, body);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsClient) HttpClient.Dispose();
        GC.SuppressFinalize(this);
    }
}
