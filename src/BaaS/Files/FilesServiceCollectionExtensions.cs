using System.Security.Cryptography;
using System.Text;
using BaaS.Binding;
using BaaS.Files;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaaS;

/// <summary>Turns file uploads on.</summary>
public static class FilesServiceCollectionExtensions
{
    /// <summary>
    /// Takes file uploads: <see cref="UploadedFile"/> properties of request DTOs are bound from multipart forms, stored
    /// by the location their <see cref="UploadToAttribute"/> names (local disk under <c>App_Data/files</c> unless another
    /// store is chosen), served at <c>/files/{location}/{path}</c>, and written into rows by AutoQuery. Locations come from
    /// <paramref name="configure"/> and the <c>Files</c> configuration section (<c>Files:Locations:{name}:...</c>).
    /// </summary>
    public static IServiceCollection AddFiles(this IServiceCollection services, Action<FilesOptions>? configure = null)
    {
        var options = services.AddOptions<FilesOptions>();
        options.Configure<IConfiguration>((o, configuration) => FilesConfiguration.Bind(configuration.GetSection("Files"), o));
        if (configure is not null) options.Configure(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IFileStore, LocalFileStore>(sp =>
        {
            var files = sp.GetRequiredService<IOptions<FilesOptions>>().Value;
            var root = Path.IsPathRooted(files.LocalPath) ? files.LocalPath : Path.Combine(sp.GetRequiredService<IHostEnvironment>().ContentRootPath, files.LocalPath);
            return new LocalFileStore(root);
        }));
        services.TryAddSingleton<FileLocations>();
        services.TryAddSingleton<TemporaryUploads>();
        services.TryAddSingleton(sp => new UrlSigner(SigningKey(sp), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<FileService>();
        services.TryAddSingleton(sp => new FileVariants(sp.GetRequiredService<FileService>(), sp));
        services.TryAddSingleton<IUploadReceiver, UploadReceiver>();
        services.TryAddScoped<IFiles>(sp => new FileStorage(sp.GetRequiredService<FileService>(), sp.GetService<IHttpContextAccessor>()?.HttpContext));
        if (services.FindBaaSFeature<FilesFeature>() is null) services.AddBaaSFeature(new FilesFeature());
        return services;
    }

    /// <summary>
    /// The signing key: <see cref="FilesOptions.SigningKey"/>; without one, a random key in Development or when every
    /// location is public (nothing to sign then), and a startup failure otherwise.
    /// </summary>
    private static byte[] SigningKey(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<FilesOptions>>().Value;
        if (options.SigningKey is { Length: > 0 } key)
        {
            if (key.Length < 32) throw new InvalidOperationException("Files:SigningKey is shorter than 32 characters: use a long random secret (e.g. openssl rand -base64 48).");
            return Encoding.UTF8.GetBytes(key);
        }
        var environment = services.GetRequiredService<IHostEnvironment>();
        if (!environment.IsDevelopment() && options.Locations.Any(l => !l.Read.IsPublic))
            throw new InvalidOperationException(
                "Files:SigningKey is not set, and file locations " + string.Join(", ", options.Locations.Where(l => !l.Read.IsPublic).Select(l => l.Name)) +
                " are private: signed URLs need a key every node shares. Set Files:SigningKey (at least 32 characters) in configuration or the environment (Files__SigningKey).");
        Log.RandomSigningKey(services.GetRequiredService<ILoggerFactory>().CreateLogger("BaaS.Files"));
        return RandomNumberGenerator.GetBytes(32);
    }
}
