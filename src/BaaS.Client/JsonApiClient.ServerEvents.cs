namespace BaaS.Client;

public partial class JsonApiClient
{
    /// <summary>Adds what every request of this client carries (bearer token, headers, the request filter) to a server-events request.</summary>
    internal void ApplyClientHeaders(HttpRequestMessage message)
    {
        if (BearerToken is not null) message.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", BearerToken);
        foreach (var (name, value) in Headers) message.Headers.TryAddWithoutValidation(name, value);
        RequestFilter?.Invoke(message);
    }

    /// <summary>The <see cref="WebServiceException"/> of a failed answer (its ResponseStatus when it has one).</summary>
    internal Task<WebServiceException> ErrorOfAsync(HttpResponseMessage response, CancellationToken cancellationToken) => ErrorOf(response, cancellationToken);

    /// <summary>Trades the refresh token for a new access token; false when there is none or the trade failed.</summary>
    internal async Task<bool> TryRefreshAsync(CancellationToken cancellationToken)
    {
        if (RefreshToken is null) return false;
        try
        {
            await RefreshAccessTokenAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RefreshTokenException)
        {
            return false;
        }
    }
}
