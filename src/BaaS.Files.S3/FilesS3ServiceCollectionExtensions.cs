using System.Net;
using BaaS.Files;
using BaaS.Files.S3;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BaaS;

/// <summary>Puts files in an S3-compatible bucket.</summary>
public static class FilesS3ServiceCollectionExtensions
{
    /// <summary>
    /// When the <c>Files:S3</c> configuration section names a bucket, registers the <c>s3</c> store and makes it the
    /// default store of locations (unless <c>Files:DefaultStore</c> says otherwise); without one, files stay on the local
    /// disk. Outside Development it refuses settings that are plainly unsafe: a plain-http service that is not on
    /// loopback, no keys while a service URL is set, or the well-known keys of test servers.
    /// </summary>
    public static IServiceCollection AddFilesS3(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment,
        Action<S3FileStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var section = configuration.GetSection("Files:S3");
        var options = new S3FileStoreOptions();
        section.Bind(options);
        options.AccessKey ??= configuration["AWS_ACCESS_KEY_ID"];
        options.SecretKey ??= configuration["AWS_SECRET_ACCESS_KEY"];
        configure?.Invoke(options);
        if (!options.IsConfigured) return services;
        if (!environment.IsDevelopment()) Check(options);
        services.AddSingleton<IFileStore>(_ => new S3FileStore(options));
        if (string.IsNullOrEmpty(configuration["Files:DefaultStore"])) services.Configure<FilesOptions>(o => o.DefaultStore = S3FileStore.StoreName);
        return services;
    }

    private static void Check(S3FileStoreOptions options)
    {
        if (options.ServiceUrl is { Length: > 0 } url)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                throw new InvalidOperationException($"Files:S3:ServiceUrl '{url}' is not an http(s) URL.");
            if (uri.Scheme == "http" && !uri.IsLoopback && !(IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip)))
                throw new InvalidOperationException($"Files:S3:ServiceUrl '{url}' is plain http to another machine: files and keys would cross the network unencrypted. Use https.");
            if (string.IsNullOrEmpty(options.AccessKey) || string.IsNullOrEmpty(options.SecretKey))
                throw new InvalidOperationException("Files:S3:ServiceUrl is set but Files:S3:AccessKey and Files:S3:SecretKey (or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY) are not.");
        }
        if (options.AccessKey is "S3RVER" or "minioadmin" || options.SecretKey is "S3RVER" or "minioadmin")
            throw new InvalidOperationException("Files:S3 uses a test server's well-known keys: set the real ones in configuration or the environment.");
    }
}
