using System.Globalization;
using BaaS.Auth;

namespace BaaS.ServerEvents;

/// <summary>
/// The subscribers of channels and changing a live subscription's channels: operations like any other (so
/// <c>@servicestack/client</c>'s <c>getChannelSubscribers()</c> and <c>subscribeToChannels()</c> find them at
/// <c>/api/{Name}</c>), checked against the channels' rules.
/// </summary>
internal sealed class ServerEventsServices(ServerEventsBroker broker, ChannelRules rules) : Service
{
    public async Task<List<Dictionary<string, string>>> Get(GetEventSubscribers request)
    {
        var channels = ChannelRules.Parse(request.Channels ?? []);
        if (channels.Count == 0 && !User.HasRole(AuthRequirements.AdminRole))
            throw HttpError.Validation(nameof(GetEventSubscribers.Channels), "Required", "Name the channels whose subscribers to list: ?channels=a,b");
        await rules.RequireAsync(User, channels, Services, nameof(GetEventSubscribers.Channels), CancellationToken).ConfigureAwait(false);
        return [.. broker.SubscriptionsIn(channels).Select(Describe)];
    }

    public async Task<UpdateEventSubscriberResponse> Post(UpdateEventSubscriber request)
    {
        if (string.IsNullOrEmpty(request.Id) || broker.Find(request.Id) is not { } subscription)
            throw HttpError.NotFound($"Subscription {request.Id} does not exist (it ended, expired or is on another node).", "SubscriptionNotFound");
        var identity = subscription.Identity;
        var caller = User.GetUserId();
        var owner = identity.IsAuthenticated
            ? caller == identity.UserId
            : caller is null && identity.Address == EventStreamEndpoints.AddressOf(HttpContext);
        if (!owner) throw HttpError.Forbidden("Only the subscription's own user may change its channels.");
        var join = ChannelRules.Parse(request.SubscribeChannels ?? []);
        var leave = ChannelRules.Parse(request.UnsubscribeChannels ?? []);
        await rules.RequireAsync(User, join, Services, nameof(UpdateEventSubscriber.SubscribeChannels), CancellationToken).ConfigureAwait(false);
        var channels = await broker.UpdateChannelsAsync(subscription, join, leave).ConfigureAwait(false);
        return new UpdateEventSubscriberResponse { Channels = [.. channels] };
    }

    // ServiceStack's shape: every value a string, channels comma-separated (what ServerEventsClient.toServerEventUser reads).
    private static Dictionary<string, string> Describe(EventSubscription subscription) => new()
    {
        ["userId"] = subscription.Identity.UserId,
        ["displayName"] = subscription.Identity.DisplayName,
        ["isAuthenticated"] = subscription.Identity.IsAuthenticated ? "true" : "false",
        ["channels"] = string.Join(',', subscription.Channels),
        ["createdAt"] = subscription.CreatedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
    };
}
