using BaaS.Idempotency;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BaaS;

/// <summary>Registers <c>Idempotency-Key</c> handling.</summary>
public static class IdempotencyServiceCollectionExtensions
{
    /// <summary>
    /// Makes every POST, PUT, PATCH and DELETE that carries an <c>Idempotency-Key</c> header run at most once per caller
    /// and key (see docs/idempotency.md): a retry replays the first answer. Keys are kept in the app's database
    /// (<c>baas_idempotency</c>, created on first use), so they hold across nodes and restarts. Needs an
    /// <see cref="Data.IDbConnectionFactory"/>. Calling it again changes nothing.
    /// </summary>
    /// <exception cref="InvalidOperationException">A setting is out of range.</exception>
    public static IServiceCollection AddIdempotency(this IServiceCollection services, Action<IdempotencyOptions>? configure = null)
    {
        if (services.Any(d => d.ServiceType == typeof(IdempotencyFilter))) return services;
        var options = new IdempotencyOptions();
        configure?.Invoke(options);
        options.Validate();
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<IdempotencyFilter>();
        return services.AddBaaSFeature(new IdempotencyFeature());
    }
}
