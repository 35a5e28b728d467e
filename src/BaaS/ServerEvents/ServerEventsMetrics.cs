using System.Diagnostics.Metrics;

namespace BaaS.ServerEvents;

/// <summary>
/// A node's server events on the <c>BaaS.ServerEvents</c> meter, read when a listener collects:
/// <c>baas.serverevents.subscribers</c> (a gauge of the open streams), <c>baas.serverevents.delivered</c> and
/// <c>baas.serverevents.dropped</c> (counters of messages queued to streams and dropped from full ones).
/// </summary>
public sealed class ServerEventsMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "BaaS.ServerEvents";

    internal ServerEventsMetrics(IMeterFactory? meterFactory, ServerEventsBroker broker)
    {
        var meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        meter.CreateObservableGauge("baas.serverevents.subscribers", () => broker.SubscriptionCount, "{subscription}",
            "Event streams open on this node");
        meter.CreateObservableCounter("baas.serverevents.delivered", () => broker.Delivered, "{message}",
            "Messages queued to this node's streams");
        meter.CreateObservableCounter("baas.serverevents.dropped", () => broker.Dropped, "{message}",
            "Messages dropped because a stream's queue was full");
    }
}
