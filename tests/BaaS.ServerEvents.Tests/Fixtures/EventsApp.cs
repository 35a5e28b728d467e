using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BaaS.ServerEvents.Tests;

/// <summary>
/// A test server with server events and the test authentication: <c>news</c> (anyone), <c>staff</c> (signed in),
/// <c>couriers</c> (role Courier), <c>order-*</c> (the customer or courier of the order, <see cref="OrderDirectory"/>).
/// </summary>
public static class EventsApp
{
    public const string Ann = "ann|Customer||s-ann-1";
    public const string AnnOtherSession = "ann|Customer||s-ann-2";
    public const string Bob = "bob|Customer||s-bob-1";
    public const string Cara = "cara|Courier||s-cara-1";
    public const string Admin = "root|Admin||s-root-1";

    public static Task<TestServer> StartAsync(Action<ServerEventsOptions>? events = null, Action<TestServerOptions>? server = null,
        FakeTimeProvider? clock = null) =>
        TestServer.StartAsync(o =>
        {
            o.UseTestAuthentication = true;
            o.ConfigureServices += services =>
            {
                if (clock is not null) services.AddSingleton<TimeProvider>(clock);
                services.AddSingleton<OrderDirectory>();
                services.AddServerEvents(options =>
                {
                    options.Channel("news").AllowAnyone();
                    options.Channel("staff");
                    options.Channel("couriers").AllowRoles("Courier");
                    options.Channel("order-*").Allow(access => access.Services.GetRequiredService<OrderDirectory>().MayFollowAsync(access));
                    options.AddEventType<NewsPosted>();
                    events?.Invoke(options);
                });
            };
            server?.Invoke(o);
        });

    public static IServerEvents Events(this TestServer server) => server.Services.GetRequiredService<IServerEvents>();

    public static Task<EventStreamReader> OpenStreamAsync(this TestServer server, string channels, string? user = null, string? lastEventId = null) =>
        EventStreamReader.OpenAsync(server.CreateHttp(user), "/event-stream?channels=" + Uri.EscapeDataString(channels), lastEventId);

    /// <summary>Opens a stream and reads its cmd.onConnect (failing the test on a refusal).</summary>
    public static async Task<(EventStreamReader Stream, EventStreamReader.EventFrame Connect)> ConnectAsync(this TestServer server, string channels, string? user = null,
        string? lastEventId = null)
    {
        var stream = await server.OpenStreamAsync(channels, user, lastEventId);
        if (!stream.Response.IsSuccessStatusCode)
            throw new Xunit.Sdk.XunitException($"/event-stream?channels={channels} answered {(int)stream.Response.StatusCode}: {await stream.ReadBodyAsync()}");
        var connect = await stream.ReadAsync();
        Assert.Equal("cmd.onConnect", connect.Selector);
        return (stream, connect);
    }
}
