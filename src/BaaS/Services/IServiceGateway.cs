namespace BaaS;

/// <summary>
/// Calls an operation in-process with a request DTO, through the same filters (authorization, validation) as an HTTP
/// request, as a given user: a service calling another (<c>Gateway.SendAsync(...)</c>), or a background job running
/// an API. Failures are thrown as the exceptions the operation raised.
/// </summary>
public interface IServiceGateway
{
    /// <summary>Calls the operation of <paramref name="request"/> and returns its response.</summary>
    Task<TResponse> SendAsync<TResponse>(IReturn<TResponse> request, CancellationToken cancellationToken = default);

    /// <summary>Calls an operation that returns nothing.</summary>
    Task SendAsync(IReturnVoid request, CancellationToken cancellationToken = default);

    /// <summary>Calls the operation of any request DTO and returns its response (null for none).</summary>
    Task<object?> SendObjectAsync(object request, CancellationToken cancellationToken = default);
}
