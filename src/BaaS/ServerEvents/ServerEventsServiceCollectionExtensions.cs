using BaaS.ServerEvents;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BaaS;

/// <summary>Turns server events on.</summary>
public static class ServerEventsServiceCollectionExtensions
{
    /// <summary>
    /// Adds server events: <c>/event-stream</c>, <c>/event-heartbeat</c>, <c>/event-unregister</c>,
    /// <c>/event-subscribers</c>, <see cref="IServerEvents"/> (a singleton) for services, <c>[PublishEvent]</c> on
    /// AutoQuery writes, and <c>plugins.serverEvents</c> in the metadata. <paramref name="configure"/> declares the
    /// channels and who may join them; the limits are also read from <c>BaaS:ServerEvents</c>. The bus between nodes is
    /// chosen by configuration (<see cref="ServerEventsOptions.Bus"/>). Calling it again adds to the same options.
    /// </summary>
    public static IServiceCollection AddServerEvents(this IServiceCollection services, Action<ServerEventsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (configure is not null) services.Configure(configure);
        if (services.FindBaaSFeature<ServerEventsFeature>() is not null) return services;

        services.AddOptions<ServerEventsOptions>().BindConfiguration(ServerEventsOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ServerEventsOptions>, ServerEventsOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IServerEventsBus>(ServerEventsBuses.Create);
        services.TryAddSingleton<ServerEventsBroker>();
        services.TryAddSingleton<IServerEvents>(sp => sp.GetRequiredService<ServerEventsBroker>());
        services.TryAddSingleton(sp => new ChannelRules(sp.GetRequiredService<IOptions<ServerEventsOptions>>().Value));
        services.TryAddSingleton<PublishEventFilter>();
        services.TryAddSingleton<PublishEventCollector>();
        services.AddHostedService<ServerEventsBackground>();
        return services.AddBaaSFeature(new ServerEventsFeature());
    }
}
