using Microsoft.Extensions.DependencyInjection;

namespace BaaS;

/// <summary>Registers features.</summary>
public static class BaaSFeatureServiceCollectionExtensions
{
    /// <summary>
    /// Adds <paramref name="feature"/> to the app. A second feature with the same <see cref="BaaSFeature.Id"/> fails:
    /// a feature's <c>AddX()</c> is called once.
    /// </summary>
    public static IServiceCollection AddBaaSFeature(this IServiceCollection services, BaaSFeature feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(BaaSFeature) && descriptor.ImplementationInstance is BaaSFeature existing &&
                string.Equals(existing.Id, feature.Id, StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException(
                    $"The feature '{feature.Id}' is added twice ({existing.GetType().Name} and {feature.GetType().Name}): call its Add method once.");
        }
        services.AddSingleton(feature);
        return services;
    }

    /// <summary>The feature of type <typeparamref name="TFeature"/> already added, or null: lets an <c>AddX()</c> configure an existing one.</summary>
    public static TFeature? FindBaaSFeature<TFeature>(this IServiceCollection services) where TFeature : BaaSFeature =>
        services.Where(d => d.ServiceType == typeof(BaaSFeature)).Select(d => d.ImplementationInstance).OfType<TFeature>().FirstOrDefault();
}
