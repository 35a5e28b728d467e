using BaaS.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BaaS;

/// <summary>
/// Refuses <see cref="BaaSOptions"/> that cannot work, at startup, naming each option and what it takes: an empty
/// service name, paths that do not start with <c>/</c>, limits that are zero or negative, a public URL that is not an
/// absolute http(s) address. Outside Development it also refuses to start without <see cref="BaaSOptions.PublicUrl"/>
/// or with <c>AllowedHosts</c> unset or <c>*</c>: links would otherwise be built from whatever Host a caller sends.
/// </summary>
/// <param name="environment">The host environment.</param>
/// <param name="configuration">The app's configuration, for <c>AllowedHosts</c>.</param>
public sealed class BaaSOptionsValidator(IHostEnvironment environment, IConfiguration configuration) : IValidateOptions<BaaSOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, BaaSOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ServiceName))
            failures.Add("BaaSOptions.ServiceName is empty: name the app (it is shown in the metadata and the UIs).");
        if (!IsPath(options.ApiBasePath) || options.ApiBasePath.Trim('/').Length == 0)
            failures.Add($"BaaSOptions.ApiBasePath '{options.ApiBasePath}' must be a path below the root, such as '/api'.");
        if (!IsPath(options.MetadataPath))
            failures.Add($"BaaSOptions.MetadataPath '{options.MetadataPath}' must start with '/', such as '/metadata/app.json'.");
        if (options.MaxRequestBodySize <= 0)
            failures.Add($"BaaSOptions.MaxRequestBodySize is {options.MaxRequestBodySize}: it must be a positive number of bytes.");
        if (options.MaxUrlLength is < 256 or > UrlLengthMiddleware.KestrelRequestLine - 1024)
            failures.Add($"BaaSOptions.MaxUrlLength is {options.MaxUrlLength}: it must be from 256 to {UrlLengthMiddleware.KestrelRequestLine - 1024} characters.");
        if (options.MaxBatchSize <= 0)
            failures.Add($"BaaSOptions.MaxBatchSize is {options.MaxBatchSize}: it must be at least 1.");
        if (options.MaxCollectionItems is <= 0 or > 30_000)
            failures.Add($"BaaSOptions.MaxCollectionItems is {options.MaxCollectionItems}: it must be from 1 to 30,000 (SQLite takes at most 32,766 parameters in one statement).");
        if (options.PublicUrl is { Length: > 0 } url &&
            (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Query.Length > 0 || uri.Fragment.Length > 0))
            failures.Add($"PublicUrl '{url}' must be the site's absolute http or https address, such as https://app.example.com.");
        if (!environment.IsDevelopment())
        {
            if (string.IsNullOrWhiteSpace(options.PublicUrl))
                failures.Add($"PublicUrl is not set: in {environment.EnvironmentName} every link in emails, OAuth callback and client base URL is " +
                    "built from it, never from the request's Host header. Set it (setting PublicUrl, environment variable PublicUrl) " +
                    "to the site's address, such as https://app.example.com.");
            var hosts = configuration["AllowedHosts"];
            if (string.IsNullOrWhiteSpace(hosts) || hosts.Split(';', StringSplitOptions.TrimEntries).Contains("*"))
                failures.Add($"AllowedHosts is '{hosts}': in {environment.EnvironmentName} set it to the host names the site answers to " +
                    "(setting AllowedHosts, environment variable AllowedHosts=app.example.com;www.app.example.com).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsPath(string? path) => path is { Length: > 0 } && path[0] == '/' && !path.Any(char.IsWhiteSpace);
}
