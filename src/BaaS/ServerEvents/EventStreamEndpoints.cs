using System.Buffers;
using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BaaS.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace BaaS.ServerEvents;

/// <summary>
/// <c>GET /event-stream?channels=a,b</c> (the stream), <c>/event-heartbeat?id=</c> and <c>POST /event-unregister?id=</c>,
/// as ServiceStack's server events have them. Every refusal is a JSON <c>ResponseStatus</c> before the stream starts.
/// </summary>
internal sealed class EventStreamEndpoints(ServerEventsBroker broker, ChannelRules rules, BaaSOptions baas, ErrorWriter errors)
{
    /// <summary>The stream.</summary>
    public const string StreamPath = "/event-stream";

    /// <summary>Where clients send heartbeats.</summary>
    public const string HeartbeatPath = "/event-heartbeat";

    /// <summary>Where clients end their subscription.</summary>
    public const string UnRegisterPath = "/event-unregister";

    /// <summary>The subscribers (the <see cref="GetEventSubscribers"/> operation's route).</summary>
    public const string SubscribersPath = "/event-subscribers";

    private ServerEventsOptions Options => broker.Options;

    public void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(StreamPath, StreamAsync).WithDisplayName("BaaS server events stream");
        endpoints.MapMethods(HeartbeatPath, [HttpMethods.Get, HttpMethods.Post], HeartbeatAsync).WithDisplayName("BaaS server events heartbeat");
        endpoints.MapPost(UnRegisterPath, UnRegisterAsync).WithDisplayName("BaaS server events unregister");
    }

    private async Task StreamAsync(HttpContext context)
    {
        EventSubscription subscription;
        List<EventFrame> initial;
        try
        {
            (subscription, initial) = await SubscribeAsync(context).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            await errors.WriteAsync(context, "event-stream", e).ConfigureAwait(false);
            return;
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            await broker.AnnounceJoinAsync(subscription).ConfigureAwait(false);
            await WriteAsync(context, subscription, initial).ConfigureAwait(false);
        }
        finally
        {
            await broker.UnregisterAsync(subscription).ConfigureAwait(false);
            // A dropped client is cut off: its unread bytes must not keep the connection's buffers.
            if (subscription.WasDropped) context.Abort();
        }
    }

    private async Task<(EventSubscription, List<EventFrame>)> SubscribeAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var channels = ChannelRules.Parse([.. query["channels"], .. query["channel"]]);
        if (channels.Count > Options.MaxChannelsPerSubscription)
            throw HttpError.Validation("channels", "TooManyChannels",
                $"A stream may join at most {Options.MaxChannelsPerSubscription} channels (BaaS:ServerEvents:MaxChannelsPerSubscription), not {channels.Count}.");
        long? resumeAfter = null;
        var lastEventId = context.Request.Headers["Last-Event-ID"].ToString();
        if (lastEventId.Length == 0) lastEventId = query["lastEventId"].ToString();
        if (lastEventId.Length > 0)
        {
            if (!long.TryParse(lastEventId, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                throw HttpError.Validation("Last-Event-ID", "InvalidEventId", "Last-Event-ID must be the id of a message this server sent (a whole number).");
            resumeAfter = parsed;
        }
        await rules.RequireAsync(context.User, channels, context.RequestServices, "channels", context.RequestAborted).ConfigureAwait(false);

        var identity = SubscriberIdentity.Of(context.User, AddressOf(context));
        var subscription = new EventSubscription(NewId(), identity, channels, broker.Clock.GetUtcNow(), Options.BufferSize);
        var initial = broker.Register(subscription, resumeAfter, ConnectJson(context, subscription));
        if (initial is null)
        {
            var (limit, setting) = identity.IsAuthenticated
                ? (Options.MaxSubscriptionsPerUser, "MaxSubscriptionsPerUser")
                : (Options.MaxSubscriptionsPerAddress, "MaxSubscriptionsPerAddress");
            throw new HttpError(429, "TooManySubscriptions",
                $"{(identity.IsAuthenticated ? "This user" : "This address")} already has {limit} open event streams (BaaS:ServerEvents:{setting}): close one first.");
        }
        return (subscription, initial);
    }

    // Frames queued together go out in one flush; none waits for a later one.
    private static async Task WriteAsync(HttpContext context, EventSubscription subscription, List<EventFrame> initial)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, subscription.Closing);
        var ct = stop.Token;
        try
        {
            foreach (var frame in initial) await response.Body.WriteAsync(frame.Bytes, ct).ConfigureAwait(false);
            await response.Body.FlushAsync(ct).ConfigureAwait(false);
            var reader = subscription.Reader;
            while (await reader.WaitToReadAsync(ct).ConfigureAwait(false))
            {
                while (reader.TryRead(out var frame)) await response.Body.WriteAsync(frame.Bytes, ct).ConfigureAwait(false);
                await response.Body.FlushAsync(ct).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // The client left, or the subscription was closed (dropped, expired, unregistered, its session ended).
        }
    }

    private async Task HeartbeatAsync(HttpContext context)
    {
        var id = context.Request.Query["id"].ToString();
        try
        {
            // Not here: behind a load balancer the stream may be on another node, which the bus tells.
            if (!broker.Pulse(id) && !await broker.ForwardAsync(id, close: false, context.RequestAborted).ConfigureAwait(false))
                throw NotFound(id);
        }
        catch (Exception e)
        {
            await errors.WriteAsync(context, "event-heartbeat", e).ConfigureAwait(false);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/plain; charset=utf-8";
    }

    private async Task UnRegisterAsync(HttpContext context)
    {
        var id = context.Request.Query["id"].ToString();
        string meta;
        try
        {
            if (id.Length > 0 && broker.Find(id) is { } subscription)
            {
                meta = subscription.MetaJson();
                await broker.UnregisterAsync(subscription).ConfigureAwait(false);
            }
            else if (await broker.ForwardAsync(id, close: true, context.RequestAborted).ConfigureAwait(false))
            {
                meta = "{}"; // the node holding it ends it
            }
            else
            {
                throw NotFound(id);
            }
        }
        catch (Exception e)
        {
            await errors.WriteAsync(context, "event-unregister", e).ConfigureAwait(false);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(meta, context.RequestAborted).ConfigureAwait(false);
    }

    private static HttpError NotFound(string id) =>
        id.Length == 0
            ? HttpError.Validation("id", "Required", "Send the subscription's id: ?id= (from cmd.onConnect).")
            : HttpError.NotFound($"Subscription {(id.Length <= 64 ? id : id[..64] + "...")} does not exist (it ended, expired or is on another node).", "SubscriptionNotFound");

    // cmd.onConnect: what @servicestack/client's ServerEventsClient reads (id, the URLs, the intervals, channels) and the
    // member properties of the caller.
    private string ConnectJson(HttpContext context, EventSubscription subscription)
    {
        var baseUrl = baas.BaseUrlOf(context.Request);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", subscription.Id);
            writer.WriteString("unRegisterUrl", $"{baseUrl}{UnRegisterPath}?id={subscription.Id}");
            writer.WriteString("heartbeatUrl", $"{baseUrl}{HeartbeatPath}?id={subscription.Id}");
            writer.WriteString("updateSubscriberUrl", $"{baseUrl}{SubscribersPath}/{subscription.Id}");
            writer.WriteNumber("heartbeatIntervalMs", (long)Options.HeartbeatInterval.TotalMilliseconds);
            writer.WriteNumber("idleTimeoutMs", (long)Options.IdleTimeout.TotalMilliseconds);
            subscription.WriteMeta(writer);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The client's address, as the rate limits count it (an IPv6 client by its /64).</summary>
    internal static string? AddressOf(HttpContext context)
    {
        if (context.Connection.RemoteIpAddress is not { } address) return null;
        if (address.IsIPv4MappedToIPv6) return address.MapToIPv4().ToString();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new System.Net.IPAddress(bytes) + "/64";
    }

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
