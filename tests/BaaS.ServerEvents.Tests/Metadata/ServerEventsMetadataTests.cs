using System.Text.Json;

namespace BaaS.ServerEvents.Tests.Metadata;

/// <summary>The feature in the metadata's plugins, and declared event DTOs in the metadata and generated clients.</summary>
public class ServerEventsMetadataTests
{
    [Fact]
    public async Task Plugins_lists_channels_who_may_join_the_intervals_and_limits()
    {
        await using var server = await EventsApp.StartAsync(o => o.MaxSubscriptionsPerUser = 4);
        var plugin = JsonDocument.Parse(await server.Http.GetStringAsync("/metadata/app.json")).RootElement.GetProperty("plugins").GetProperty("serverEvents");

        Assert.Equal("/event-stream", plugin.GetProperty("streamPath").GetString());
        Assert.Equal("/event-heartbeat", plugin.GetProperty("heartbeatPath").GetString());
        Assert.Equal("/event-unregister", plugin.GetProperty("unRegisterPath").GetString());
        Assert.Equal("/event-subscribers", plugin.GetProperty("subscribersPath").GetString());
        Assert.Equal(10_000, plugin.GetProperty("heartbeatIntervalMs").GetInt64());
        Assert.Equal(30_000, plugin.GetProperty("idleTimeoutMs").GetInt64());
        Assert.Equal("memory", plugin.GetProperty("bus").GetString());
        Assert.Equal("refused", plugin.GetProperty("undeclaredChannels").GetString());
        var channels = plugin.GetProperty("channels").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.Equal("anyone", channels["news"].GetProperty("access").GetString());
        Assert.Equal("signedIn", channels["staff"].GetProperty("access").GetString());
        Assert.Equal("roles", channels["couriers"].GetProperty("access").GetString());
        Assert.Equal("Courier", channels["couriers"].GetProperty("roles")[0].GetString());
        Assert.Equal("rule", channels["order-*"].GetProperty("access").GetString());
        Assert.Equal(4, plugin.GetProperty("limits").GetProperty("maxSubscriptionsPerUser").GetInt32());
        Assert.Equal(100, plugin.GetProperty("limits").GetProperty("bufferSize").GetInt32());
        Assert.Equal("NewsPosted", Assert.Single(plugin.GetProperty("eventTypes").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task Declared_event_types_are_in_the_metadata_and_the_generated_typescript_and_csharp()
    {
        await using var server = await EventsApp.StartAsync(o => o.AddEventType<OrderStatusChanged>(), s => s.ConfigureServices += services => services.AddNativeTypes());
        var metadata = JsonDocument.Parse(await server.Http.GetStringAsync("/metadata/app.json")).RootElement;
        var types = metadata.GetProperty("api").GetProperty("types").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();
        Assert.Contains("NewsPosted", types);
        Assert.Contains("OrderStatusChanged", types);
        // The protocol's own operations stay out of the generated clients (ServiceStack's clients bring them).
        Assert.DoesNotContain(metadata.GetProperty("api").GetProperty("operations").EnumerateArray(),
            o => o.GetProperty("request").GetProperty("name").GetString() is "GetEventSubscribers" or "UpdateEventSubscriber");

        var typescript = await server.Http.GetStringAsync("/types/typescript");
        Assert.Contains("export class OrderStatusChanged", typescript);
        Assert.Contains("public status?: string;", typescript);
        Assert.Contains("class NewsPosted", await server.Http.GetStringAsync("/types/csharp"));
    }
}
