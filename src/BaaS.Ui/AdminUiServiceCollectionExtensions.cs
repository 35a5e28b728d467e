using BaaS.Ui;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS;

/// <summary>Turns the Admin UI on.</summary>
public static class AdminUiServiceCollectionExtensions
{
    /// <summary>
    /// Serves the Admin UI at <c>/admin-ui</c>: a grid and forms for every AutoQuery model, users, API keys, roles,
    /// jobs, the database and the pages features add. Its settings come from <paramref name="configure"/>, then from the
    /// <c>AdminUi</c> configuration section when <paramref name="configuration"/> is given (configuration wins, so a
    /// deployment can change who may enter: <c>AdminUi__Roles__0=Admin</c>).
    /// </summary>
    public static IServiceCollection AddAdminUi(this IServiceCollection services, Action<AdminUiOptions>? configure = null,
        IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new AdminUiOptions();
        configure?.Invoke(options);
        if (configuration is not null)
        {
            // Roles replace the default rather than add to it (binding a list appends).
            if (configuration.GetSection("AdminUi:Roles").Get<string[]>() is { Length: > 0 } roles) options.Roles = [.. roles];
            if (configuration.GetValue<bool?>("AdminUi:ShowDatabase") is { } showDatabase) options.ShowDatabase = showDatabase;
        }
        if (options.Roles.Count == 0 || options.Roles.Any(string.IsNullOrWhiteSpace))
            throw new ConfigurationException(["AdminUi:Roles must name at least one role, and no empty one."]);
        services.AddSingleton(options);
        services.AddBaaSFeature(new AdminUiFeature(options));
        return services;
    }
}
