namespace BaaS;

/// <summary>
/// A response with a chosen status code and headers: <c>return new HttpResult(order, 201) { Headers = { ["Location"] = url } };</c>.
/// The wrapped response is written like any other.
/// </summary>
public sealed class HttpResult(object? response, int statusCode = 200)
{
    /// <summary>The response DTO (null for no body).</summary>
    public object? Response { get; } = response;

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; } = statusCode;

    /// <summary>Headers to add to the response.</summary>
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);
}
