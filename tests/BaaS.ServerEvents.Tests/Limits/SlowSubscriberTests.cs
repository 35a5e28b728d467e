using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;

namespace BaaS.ServerEvents.Tests.Limits;

/// <summary>A subscriber that reads nothing is dropped once its bounded queue is full; the others never wait for it.</summary>
public class SlowSubscriberTests
{
    private const int BufferSize = 8;

    [Fact]
    public async Task A_subscriber_that_reads_nothing_is_dropped_with_one_log_line_while_the_others_keep_receiving_and_buffers_stay_bounded()
    {
        await using var server = await EventsApp.StartAsync(o => o.BufferSize = BufferSize);
        var (fast, _) = await server.ConnectAsync("news", EventsApp.Ann);
        await using var _1 = fast;

        // The slow client: a socket with a small receive buffer that asks for the stream and never reads a byte.
        using var slow = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
        var uri = new Uri(server.BaseUrl);
        await slow.ConnectAsync(uri.Host, uri.Port);
        await slow.SendAsync(Encoding.ASCII.GetBytes($"GET /event-stream?channels=news HTTP/1.1\r\nHost: {uri.Authority}\r\nAccept: text/event-stream\r\n\r\n"));
        await WaitUntilAsync(() => server.Events().GetStats().Subscriptions == 2, "the slow client's subscription");

        var events = server.Events();
        var payload = new string('x', 32 * 1024);
        long maxBuffered = 0;
        var sent = 0;
        // Bounded: 64 MB at most, far beyond what the socket buffers between the two ends can hold.
        while (events.GetStats().Dropped == 0 && sent < 2000)
        {
            sent++;
            await events.NotifyChannelAsync("news", new NewsPosted { Title = payload, Number = sent });
            // The fast subscriber reads each message before the next is sent: it never falls behind.
            var frame = await fast.ReadAsync();
            Assert.Equal(sent, frame.Body.GetProperty("number").GetInt32());
            maxBuffered = Math.Max(maxBuffered, events.GetStats().BufferedMessages);
        }

        var stats = events.GetStats();
        Assert.True(stats.Dropped == 1, $"the slow subscriber was not dropped after {sent} messages of 32 KB");
        Assert.Equal(1, stats.Subscriptions);
        Assert.True(maxBuffered <= BufferSize * 2, $"{maxBuffered} messages were buffered at once; the bound is {BufferSize} per subscription");
        var drops = server.Logs.Messages.Where(m => m.Level == LogLevel.Warning && m.Message.Contains("was dropped", StringComparison.Ordinal)).ToList();
        Assert.Single(drops);

        // The others go on as before.
        await events.NotifyChannelAsync("news", new NewsPosted { Title = "after the drop", Number = -1 });
        Assert.Equal(-1, (await fast.ReadAsync()).Body.GetProperty("number").GetInt32());
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException($"Timed out waiting for {what}.");
            await Task.Delay(10);
        }
    }
}
