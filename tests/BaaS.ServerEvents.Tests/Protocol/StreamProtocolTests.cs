using System.Net;
using System.Text.Json;

namespace BaaS.ServerEvents.Tests.Protocol;

/// <summary>The bytes of /event-stream as ServiceStack's clients read them, with a raw HTTP client.</summary>
public class StreamProtocolTests
{
    [Fact]
    public async Task Stream_opens_with_onConnect_then_writes_channel_messages_as_id_and_selector_json()
    {
        await using var server = await EventsApp.StartAsync();
        var (stream, connect) = await server.ConnectAsync("news");
        await using var _ = stream;

        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-cache", stream.Response.Headers.CacheControl?.ToString());
        Assert.Null(connect.Channel);
        var info = connect.Body;
        var id = info.GetProperty("id").GetString()!;
        Assert.Equal(32, id.Length);
        Assert.Equal($"{server.BaseUrl}/event-heartbeat?id={id}", info.GetProperty("heartbeatUrl").GetString());
        Assert.Equal($"{server.BaseUrl}/event-unregister?id={id}", info.GetProperty("unRegisterUrl").GetString());
        Assert.Equal($"{server.BaseUrl}/event-subscribers/{id}", info.GetProperty("updateSubscriberUrl").GetString());
        Assert.Equal(10_000, info.GetProperty("heartbeatIntervalMs").GetInt64());
        Assert.Equal(30_000, info.GetProperty("idleTimeoutMs").GetInt64());
        Assert.StartsWith("-", info.GetProperty("userId").GetString());
        Assert.StartsWith("user", info.GetProperty("displayName").GetString());
        Assert.False(info.GetProperty("isAuthenticated").GetBoolean());
        Assert.Equal("news", info.GetProperty("channels").GetString());

        await server.Events().NotifyChannelAsync("news", new NewsPosted { Title = "Hello", Number = 1 });
        var message = await stream.ReadAsync();
        Assert.Equal("news@cmd.NewsPosted {\"title\":\"Hello\",\"number\":1}", message.Data);
        Assert.True(message.IdNumber > connect.IdNumber, $"message id {message.Id} after onConnect's {connect.Id}");

        await server.Events().NotifyChannelAsync("news", "cmd.announce", "Doors close at ten");
        var announce = await stream.ReadAsync();
        Assert.Equal("news@cmd.announce \"Doors close at ten\"", announce.Data);
        Assert.Equal(message.IdNumber + 1, announce.IdNumber);
    }

    [Fact]
    public async Task Signed_in_subscriber_is_described_by_its_user()
    {
        await using var server = await EventsApp.StartAsync();
        var (stream, connect) = await server.ConnectAsync("staff,news", EventsApp.Ann);
        await using var _ = stream;
        Assert.Equal("ann", connect.Body.GetProperty("userId").GetString());
        Assert.Equal("ann", connect.Body.GetProperty("displayName").GetString());
        Assert.True(connect.Body.GetProperty("isAuthenticated").GetBoolean());
        Assert.Equal("staff,news", connect.Body.GetProperty("channels").GetString());
    }

    [Fact]
    public async Task Heartbeat_answers_200_and_sends_onHeartbeat_on_the_stream_while_an_unknown_id_is_404()
    {
        await using var server = await EventsApp.StartAsync();
        var (stream, connect) = await server.ConnectAsync("news");
        await using var _ = stream;

        using var beat = await server.Http.PostAsync(connect.Body.GetProperty("heartbeatUrl").GetString(), null);
        Assert.Equal(HttpStatusCode.OK, beat.StatusCode);
        var heartbeat = await stream.ReadAsync();
        Assert.Equal("cmd.onHeartbeat", heartbeat.Selector);
        Assert.Equal(connect.Body.GetProperty("userId").GetString(), heartbeat.Body.GetProperty("userId").GetString());
        Assert.False(heartbeat.Body.TryGetProperty("id", out var _), "a notice must not reveal the subscription's id");

        using var unknown = await server.Http.PostAsync("/event-heartbeat?id=nosuchsubscription", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var status = JsonDocument.Parse(await unknown.Content.ReadAsStringAsync()).RootElement.GetProperty("responseStatus");
        Assert.Equal("SubscriptionNotFound", status.GetProperty("errorCode").GetString());

        using var missing = await server.Http.PostAsync("/event-heartbeat", null);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("\"fieldName\":\"id\"", await missing.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unregister_ends_the_stream_and_forgets_the_subscription()
    {
        await using var server = await EventsApp.StartAsync();
        var (stream, connect) = await server.ConnectAsync("news", EventsApp.Ann);
        await using var _ = stream;

        using var answer = await server.Http.PostAsync(connect.Body.GetProperty("unRegisterUrl").GetString(), null);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("ann", JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.GetProperty("userId").GetString());
        Assert.Empty(await stream.ReadToEndAsync());
        Assert.Empty(server.Events().GetSubscriptions());

        using var again = await server.Http.PostAsync(connect.Body.GetProperty("unRegisterUrl").GetString(), null);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task Join_and_leave_notices_reach_the_channel_when_turned_on()
    {
        await using var server = await EventsApp.StartAsync(o => o.NotifyChannelOfSubscriptions = true);
        var (first, _) = await server.ConnectAsync("staff", EventsApp.Ann);
        await using var __ = first;
        var ownJoin = await first.ReadAsync();
        Assert.Equal("staff@cmd.onJoin", ownJoin.Data.Split(' ')[0]);

        var (second, _) = await server.ConnectAsync("staff", EventsApp.Bob);
        var join = await first.ReadAsync();
        Assert.Equal("staff", join.Channel);
        Assert.Equal("cmd.onJoin", join.Selector);
        Assert.Equal("bob", join.Body.GetProperty("userId").GetString());

        await second.DisposeAsync();
        var leave = await first.ReadUntilAsync("cmd.onLeave");
        Assert.Equal("bob", leave.Body.GetProperty("userId").GetString());
    }

    [Fact]
    public async Task No_join_notices_by_default()
    {
        await using var server = await EventsApp.StartAsync();
        var (first, _) = await server.ConnectAsync("staff", EventsApp.Ann);
        await using var __ = first;
        var (second, _) = await server.ConnectAsync("staff", EventsApp.Bob);
        await using var ___ = second;
        await server.Events().NotifyChannelAsync("staff", new NewsPosted { Title = "after" });
        Assert.Equal("cmd.NewsPosted", (await first.ReadAsync()).Selector);
    }

    [Theory]
    [InlineData("news,bad name")]
    [InlineData("news,a@b")]
    [InlineData("news,order-*")]
    public async Task A_channel_name_that_cannot_be_written_is_400_naming_channels(string channels)
    {
        await using var server = await EventsApp.StartAsync();
        await using var stream = await server.OpenStreamAsync(channels);
        Assert.Equal(HttpStatusCode.BadRequest, stream.Response.StatusCode);
        var error = JsonDocument.Parse(await stream.ReadBodyAsync()).RootElement.GetProperty("responseStatus");
        Assert.Equal("InvalidChannel", error.GetProperty("errorCode").GetString());
        Assert.Equal("channels", error.GetProperty("errors")[0].GetProperty("fieldName").GetString());
    }

    [Fact]
    public async Task Too_many_channels_and_a_malformed_Last_Event_ID_are_400()
    {
        await using var server = await EventsApp.StartAsync(o => o.MaxChannelsPerSubscription = 2);
        await using var many = await server.OpenStreamAsync("news,staff,couriers", EventsApp.Cara);
        Assert.Equal(HttpStatusCode.BadRequest, many.Response.StatusCode);
        Assert.Contains("TooManyChannels", await many.ReadBodyAsync());

        await using var bad = await server.OpenStreamAsync("news", lastEventId: "seven");
        Assert.Equal(HttpStatusCode.BadRequest, bad.Response.StatusCode);
        Assert.Contains("\"fieldName\":\"Last-Event-ID\"", await bad.ReadBodyAsync());
    }

    [Fact]
    public async Task Raw_json_with_line_breaks_is_written_on_one_data_line()
    {
        await using var server = await EventsApp.StartAsync();
        var (stream, _) = await server.ConnectAsync("news");
        await using var __ = stream;
        await server.Events().NotifyJsonAsync(ServerEventTarget.Channel("news"), "cmd.raw", "{\n  \"a\": 1,\n  \"b\": \"x\"\n}");
        var frame = await stream.ReadAsync();
        Assert.Equal("news@cmd.raw {\"a\":1,\"b\":\"x\"}", frame.Data);
    }

    [Fact]
    public async Task Publishing_refuses_selectors_and_channels_the_protocol_cannot_carry()
    {
        await using var server = await EventsApp.StartAsync(o => o.MaxMessageBytes = 100);
        var events = server.Events();
        await Assert.ThrowsAsync<ArgumentException>(() => events.NotifyChannelAsync("news", "announce", "no dot"));
        await Assert.ThrowsAsync<ArgumentException>(() => events.NotifyChannelAsync("news", "cmd.an nounce", "space"));
        await Assert.ThrowsAsync<ArgumentException>(() => events.NotifyChannelAsync("bad channel", new NewsPosted()));
        var tooBig = await Assert.ThrowsAsync<ArgumentException>(() => events.NotifyChannelAsync("news", new NewsPosted { Title = new string('x', 200) }));
        Assert.Contains("MaxMessageBytes", tooBig.Message);
    }

    [Fact]
    public async Task Subscribers_lists_the_members_of_channels_the_caller_may_join()
    {
        await using var server = await EventsApp.StartAsync();
        var (ann, _) = await server.ConnectAsync("staff,news", EventsApp.Ann);
        await using var _1 = ann;
        var (bob, _) = await server.ConnectAsync("staff", EventsApp.Bob);
        await using var _2 = bob;

        using var http = server.CreateHttp(EventsApp.Cara);
        var list = JsonDocument.Parse(await http.GetStringAsync("/event-subscribers?channels=staff")).RootElement;
        Assert.Equal(2, list.GetArrayLength());
        Assert.Equal("ann", list[0].GetProperty("userId").GetString());
        Assert.Equal("staff,news", list[0].GetProperty("channels").GetString());
        Assert.Equal("true", list[0].GetProperty("isAuthenticated").GetString());
        Assert.False(list[0].TryGetProperty("id", out _), "another member's subscription id is its capability");

        var api = JsonDocument.Parse(await http.GetStringAsync("/api/GetEventSubscribers?channels=news")).RootElement;
        Assert.Equal("ann", Assert.Single(api.EnumerateArray()).GetProperty("userId").GetString());

        using var anonymous = await server.Http.GetAsync("/event-subscribers?channels=staff");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var none = await http.GetAsync("/event-subscribers");
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
    }

    [Fact]
    public async Task UpdateEventSubscriber_joins_a_channel_on_the_live_stream_for_its_owner_only()
    {
        await using var server = await EventsApp.StartAsync();
        var (stream, connect) = await server.ConnectAsync("news", EventsApp.Ann);
        await using var _ = stream;
        var id = connect.Body.GetProperty("id").GetString();

        using var bob = server.CreateHttp(EventsApp.Bob);
        using var stolen = await bob.PostAsync($"/event-subscribers/{id}", JsonBody(new { subscribeChannels = new[] { "staff" } }));
        Assert.Equal(HttpStatusCode.Forbidden, stolen.StatusCode);

        using var ann = server.CreateHttp(EventsApp.Ann);
        using var refused = await ann.PostAsync($"/event-subscribers/{id}", JsonBody(new { subscribeChannels = new[] { "order-2" } }));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        using var joined = await ann.PostAsync($"/event-subscribers/{id}", JsonBody(new { subscribeChannels = new[] { "staff", "order-1" }, unsubscribeChannels = new[] { "news" } }));
        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        Assert.Equal("[\"staff\",\"order-1\"]", JsonDocument.Parse(await joined.Content.ReadAsStringAsync()).RootElement.GetProperty("channels").GetRawText());

        await server.Events().NotifyChannelAsync("news", new NewsPosted { Title = "not for ann any more" });
        await server.Events().NotifyChannelAsync("order-1", new OrderStatusChanged { Id = 1, Status = "Accepted" });
        var frame = await stream.ReadAsync();
        Assert.Equal("order-1@cmd.OrderStatusChanged", frame.Data.Split(' ')[0]);
    }

    private static StringContent JsonBody(object value) => new(JsonSerializer.Serialize(value), System.Text.Encoding.UTF8, "application/json");
}
