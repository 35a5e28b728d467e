using System.Security.Claims;
using BaaS.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS;

/// <summary>
/// The <see cref="IServiceGateway"/> that runs operations in this process, as <paramref name="user"/>, with services
/// from <paramref name="services"/> (a request's scope, or a scope a background worker created).
/// </summary>
public sealed class InProcessServiceGateway(IServiceProvider services, ClaimsPrincipal user) : IServiceGateway
{
    private readonly BaaSHost _host = services.GetRequiredService<BaaSHost>();

    /// <inheritdoc />
    public async Task<TResponse> SendAsync<TResponse>(IReturn<TResponse> request, CancellationToken cancellationToken = default) =>
        (TResponse)(await _host.ExecuteAsync(request, services, user, cancellationToken).ConfigureAwait(false))!;

    /// <inheritdoc />
    public Task SendAsync(IReturnVoid request, CancellationToken cancellationToken = default) =>
        _host.ExecuteAsync(request, services, user, cancellationToken);

    /// <inheritdoc />
    public Task<object?> SendObjectAsync(object request, CancellationToken cancellationToken = default) =>
        _host.ExecuteAsync(request, services, user, cancellationToken);
}
