using System.Reflection;
using BaaS.Errors;
using BaaS.Formats;
using BaaS.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaaS.ServerEvents;

/// <summary>
/// Server events as a feature: the stream, heartbeat and unregister endpoints, the subscribers operations, the
/// <c>[PublishEvent]</c> filters, the event DTOs in the metadata, and <c>plugins.serverEvents</c>.
/// </summary>
internal sealed class ServerEventsFeature : BaaSFeature
{
    public override string Id => "serverEvents";

    public override IEnumerable<Type> ServiceTypes => [typeof(ServerEventsServices)];

    public override IEnumerable<IOperationFilter> CreateFilters(IServiceProvider services) =>
        [services.GetRequiredService<PublishEventFilter>(), services.GetRequiredService<PublishEventCollector>()];

    public override void MapEndpoints(IEndpointRouteBuilder endpoints, BaaSHost host)
    {
        var services = endpoints.ServiceProvider;
        var errors = new ErrorWriter(host.ErrorMapper, new ResponseWriter(Text.JsonProtocol.Options),
            services.GetRequiredService<ILoggerFactory>().CreateLogger("BaaS.ServerEvents"));
        new EventStreamEndpoints(services.GetRequiredService<ServerEventsBroker>(), services.GetRequiredService<ChannelRules>(), host.Options, errors)
            .Map(endpoints);
    }

    public override IEnumerable<Type> ExportTypes(IServiceProvider services, OperationCatalog catalog)
    {
        var options = services.GetRequiredService<IOptions<ServerEventsOptions>>().Value;
        var published = catalog.Operations.SelectMany(o => o.RequestType.GetCustomAttributes<PublishEventAttribute>(true)).Select(a => a.EventType);
        return options.EventTypes.Concat(published).Distinct();
    }

    public override object? Describe(IServiceProvider services, OperationCatalog catalog)
    {
        var options = services.GetRequiredService<IOptions<ServerEventsOptions>>().Value;
        var bus = services.GetRequiredService<IServerEventsBus>();
        return new
        {
            StreamPath = EventStreamEndpoints.StreamPath,
            HeartbeatPath = EventStreamEndpoints.HeartbeatPath,
            UnRegisterPath = EventStreamEndpoints.UnRegisterPath,
            SubscribersPath = EventStreamEndpoints.SubscribersPath,
            HeartbeatIntervalMs = (long)options.HeartbeatInterval.TotalMilliseconds,
            IdleTimeoutMs = (long)options.IdleTimeout.TotalMilliseconds,
            options.NotifyChannelOfSubscriptions,
            Bus = bus.Name,
            Channels = options.Channels.Select(c => new
            {
                c.Name,
                Access = Camel(c.Access),
                Roles = c.Access == ChannelAccess.Roles ? c.Roles : null,
            }),
            UndeclaredChannels = Camel(options.UndeclaredChannels),
            Limits = new
            {
                options.MaxSubscriptionsPerUser,
                options.MaxSubscriptionsPerAddress,
                options.MaxChannelsPerSubscription,
                options.BufferSize,
                options.MaxMessageBytes,
                options.ReplayMessages,
                ReplayWindowSeconds = (long)options.ReplayWindow.TotalSeconds,
            },
            EventTypes = ExportTypes(services, catalog).Select(t => t.Name).Order(StringComparer.Ordinal),
        };
    }

    private static string Camel(ChannelAccess access) => access switch
    {
        ChannelAccess.SignedIn => "signedIn",
        _ => access.ToString().ToLowerInvariant(),
    };
}
