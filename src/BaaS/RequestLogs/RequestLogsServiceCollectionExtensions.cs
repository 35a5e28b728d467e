using BaaS.RequestLogs;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BaaS;

/// <summary>Turns request logs on.</summary>
public static class RequestLogsServiceCollectionExtensions
{
    /// <summary>
    /// Records every call of every operation (HTTP, each request of a batch and the batch itself, gateway calls) in the
    /// app's database, off the request path (see docs/request-logs.md), and serves the Admin-only APIs that query it:
    /// <see cref="AdminQueryRequestLogs"/>, <see cref="AdminGetRequestLog"/>, <see cref="AdminGetRequestAnalytics"/>,
    /// <see cref="AdminGetRequestLogStats"/>. Settings come from <paramref name="configure"/>, then the
    /// <c>RequestLogs</c> configuration section. Needs an <see cref="Data.IDbConnectionFactory"/>; turns AutoQuery on (the
    /// log's query API is an AutoQuery API). Calling it again changes nothing.
    /// </summary>
    /// <exception cref="InvalidOperationException">A setting is out of range (when the app starts).</exception>
    public static IServiceCollection AddRequestLogs(this IServiceCollection services, Action<RequestLogsOptions>? configure = null)
    {
        if (services.FindBaaSFeature<RequestLogsFeature>() is not null) return services;
        services.AddSingleton(sp =>
        {
            var options = new RequestLogsOptions();
            configure?.Invoke(options);
            if (sp.GetService<IConfiguration>()?.GetSection("RequestLogs") is { } section && section.Exists()) section.Bind(options);
            options.Validate();
            return options;
        });
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddAutoQuery();
        services.AddSingleton<RequestLogQueue>();
        services.AddSingleton<RequestLogStore>();
        services.AddSingleton<RequestAnalytics>();
        services.AddSingleton(sp => new RequestBodyRedactor(Text.JsonProtocol.Options, sp.GetRequiredService<RequestLogsOptions>().MaxBodyLength));
        services.AddSingleton(sp => new RequestLogFilter(sp.GetRequiredService<RequestLogQueue>(), sp.GetRequiredService<RequestLogsOptions>(),
            sp.GetRequiredService<RequestBodyRedactor>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<IHttpContextAccessor>()));
        services.AddSingleton<RequestLogItemFilter>();
        services.AddSingleton<RequestLogWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<RequestLogWriter>());
        services.AddMaintenanceTask<RequestLogRetention>();
        return services.AddBaaSFeature(new RequestLogsFeature());
    }
}
