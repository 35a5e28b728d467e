using Microsoft.Extensions.Options;

namespace BaaS;

/// <summary>
/// Refuses <see cref="BaaSOptions"/> that cannot work, at startup, naming each option and what it takes: an empty
/// service name, paths that do not start with <c>/</c>, limits that are zero or negative.
/// </summary>
public sealed class BaaSOptionsValidator : IValidateOptions<BaaSOptions>
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
        if (options.MaxBatchSize <= 0)
            failures.Add($"BaaSOptions.MaxBatchSize is {options.MaxBatchSize}: it must be at least 1.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsPath(string? path) => path is { Length: > 0 } && path[0] == '/' && !path.Any(char.IsWhiteSpace);
}
