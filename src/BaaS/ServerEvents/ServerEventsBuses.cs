using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BaaS.ServerEvents;

/// <summary>Chooses the bus from <see cref="ServerEventsOptions.Bus"/> and what the app has configured.</summary>
internal static class ServerEventsBuses
{
    public static IServerEventsBus Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<ServerEventsOptions>>().Value;
        var clock = services.GetRequiredService<TimeProvider>();
        return options.Bus.ToLowerInvariant() switch
        {
            "memory" or "auto" => new MemoryServerEventsBus(clock),
            _ => throw new ConfigurationException($"BaaS:ServerEvents:Bus is '{options.Bus}': use auto, memory, database or redis."),
        };
    }
}
