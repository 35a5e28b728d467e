using Microsoft.AspNetCore.Builder;

namespace BaaS;

/// <summary>
/// One concern of an app's startup (database, auth, AutoQuery...), in its own <c>Configure.X.cs</c> file. Modules are
/// found in an assembly by <see cref="StartupModuleExtensions.AddModules"/>, so adding a feature is adding a file.
/// </summary>
public interface IStartupModule
{
    /// <summary>Modules run in ascending order, then by type name. Default: 0.</summary>
    int Order => 0;

    /// <summary>Registers services and options, before the app is built.</summary>
    void ConfigureServices(WebApplicationBuilder builder);

    /// <summary>Adds middleware and endpoints, after the app is built. Default: nothing.</summary>
    void Configure(WebApplication app) { }
}
