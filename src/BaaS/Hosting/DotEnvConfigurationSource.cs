using Microsoft.Extensions.Configuration;

namespace BaaS;

/// <summary>A <c>.env</c> file as configuration: see <see cref="DotEnvConfigurationExtensions.AddDotEnvFile"/>.</summary>
public sealed class DotEnvConfigurationSource : IConfigurationSource
{
    /// <summary>The file's path.</summary>
    public required string Path { get; init; }

    /// <summary>When false, a missing file fails startup.</summary>
    public bool Optional { get; init; } = true;

    /// <inheritdoc />
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new DotEnvConfigurationProvider(this);
}
