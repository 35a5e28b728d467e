using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;

namespace BaaS;

/// <summary>Adds a <c>.env</c> file to configuration.</summary>
public static class DotEnvConfigurationExtensions
{
    /// <summary>
    /// Adds the <c>.env</c> file at <paramref name="path"/> (a missing file is fine unless <paramref name="optional"/> is
    /// false), placed after appsettings files and just before the environment variables, so a real environment variable of the same name wins
    /// over the file: <c>builder.Configuration.AddDotEnvFile(Path.Combine(builder.Environment.ContentRootPath, ".env"))</c>.
    /// </summary>
    public static IConfigurationBuilder AddDotEnvFile(this IConfigurationBuilder builder, string path, bool optional = true)
    {
        var source = new DotEnvConfigurationSource { Path = Path.GetFullPath(path), Optional = optional };
        // The unprefixed environment variables (the DOTNET_/ASPNETCORE_ ones come before appsettings.json).
        var index = -1;
        for (var i = builder.Sources.Count - 1; i >= 0; i--)
        {
            if (builder.Sources[i] is EnvironmentVariablesConfigurationSource { Prefix: null or "" }) { index = i; break; }
        }
        if (index < 0) builder.Sources.Add(source);
        else builder.Sources.Insert(index, source);
        return builder;
    }
}
