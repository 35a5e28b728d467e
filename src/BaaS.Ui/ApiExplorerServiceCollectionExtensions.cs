using BaaS.Ui;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS;

/// <summary>Turns the API Explorer on.</summary>
public static class ApiExplorerServiceCollectionExtensions
{
    /// <summary>
    /// Serves the API Explorer at <c>/ui</c>: every operation with its documentation, a form to call it signed in, and
    /// client code for the call. On in Development; elsewhere when <see cref="ApiExplorerOptions.Enabled"/> is set, by
    /// <paramref name="configure"/> or by the <c>ApiExplorer</c> configuration section (which wins:
    /// <c>ApiExplorer__Enabled=true</c>).
    /// </summary>
    public static IServiceCollection AddApiExplorer(this IServiceCollection services, Action<ApiExplorerOptions>? configure = null,
        IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new ApiExplorerOptions();
        configure?.Invoke(options);
        if (configuration?.GetValue<bool?>("ApiExplorer:Enabled") is { } enabled) options.Enabled = enabled;
        if (configuration?.GetValue<bool?>("ApiExplorer:RedirectSwaggerUi") is { } redirect) options.RedirectSwaggerUi = redirect;
        services.AddSingleton(options);
        services.AddBaaSFeature(new ApiExplorerFeature(options));
        return services;
    }
}
