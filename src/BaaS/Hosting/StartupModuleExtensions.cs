using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS;

/// <summary>Runs an app's <see cref="IStartupModule"/>s: <c>builder.AddModules(assembly)</c>, then <c>app.UseModules()</c>.</summary>
public static class StartupModuleExtensions
{
    /// <summary>
    /// Creates every concrete <see cref="IStartupModule"/> in <paramref name="assembly"/> (public parameterless
    /// constructor), in order, and runs their <see cref="IStartupModule.ConfigureServices"/>.
    /// </summary>
    public static WebApplicationBuilder AddModules(this WebApplicationBuilder builder, Assembly assembly)
    {
        var modules = assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IStartupModule).IsAssignableFrom(t))
            .Select(t => (IStartupModule)(Activator.CreateInstance(t)
                ?? throw new InvalidOperationException($"Startup module {t.FullName} needs a public parameterless constructor.")))
            .OrderBy(m => m.Order).ThenBy(m => m.GetType().FullName, StringComparer.Ordinal)
            .ToList();
        foreach (var module in modules) module.ConfigureServices(builder);
        builder.Services.AddSingleton(new StartupModules(modules));
        return builder;
    }

    /// <summary>
    /// Runs the <see cref="IStartupModule.Configure"/> of the modules <see cref="AddModules"/> created, in the same order,
    /// once the configuration is valid (<see cref="StartupChecks.ValidateConfiguration"/>). With settings that cannot
    /// work it configures nothing and leaves the report to what starts the app: <see cref="AppCommandExtensions.RunAppAsync"/>
    /// prints one line per setting and exits with 1; a host started otherwise refuses to start with the same failures.
    /// </summary>
    public static WebApplication UseModules(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var modules = app.Services.GetService<StartupModules>()
            ?? throw new InvalidOperationException("No startup modules: call builder.AddModules(assembly) before builder.Build().");
        try
        {
            app.Services.ValidateConfiguration();
        }
        catch (ConfigurationException)
        {
            return app;
        }
        foreach (var module in modules.All) module.Configure(app);
        return app;
    }

    private sealed record StartupModules(IReadOnlyList<IStartupModule> All);
}
