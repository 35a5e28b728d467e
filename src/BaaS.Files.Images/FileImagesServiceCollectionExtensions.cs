using BaaS.Files;
using BaaS.Files.Images;
using BaaS.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BaaS;

/// <summary>Turns on image variants of uploads.</summary>
public static class FileImagesServiceCollectionExtensions
{
    /// <summary>
    /// Makes the <see cref="ImageVariant"/>s file locations declare, by a background job queued in the transaction that
    /// writes the image's row (needs <c>AddBaaSJobs</c> and <c>AddFiles</c>).
    /// </summary>
    public static IServiceCollection AddFileImageVariants(this IServiceCollection services, Action<ImageVariantOptions>? configure = null)
    {
        var options = services.AddOptions<ImageVariantOptions>();
        if (configure is not null) options.Configure(configure);
        services.AddBaaSJobCommand<MakeImageVariantsCommand>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IFileVariantScheduler, JobsFileVariantScheduler>());
        return services;
    }
}
