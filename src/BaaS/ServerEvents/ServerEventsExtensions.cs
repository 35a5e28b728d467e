namespace BaaS;

/// <summary>
/// Typed publishing: the message DTO's type name is the selector (<c>cmd.OrderStatusChanged</c>), so clients register a
/// handler per DTO (<c>client.On&lt;OrderStatusChanged&gt;(...)</c>; in TypeScript <c>handlers: { OrderStatusChanged }</c>).
/// </summary>
public static class ServerEventsExtensions
{
    /// <summary>Publishes <paramref name="message"/> to the subscriptions in <paramref name="channel"/>.</summary>
    public static Task NotifyChannelAsync<T>(this IServerEvents events, string channel, T message, CancellationToken cancellationToken = default) where T : class =>
        Events(events).NotifyAsync(ServerEventTarget.Channel(channel), ServerEventSelector.For(message.GetType()), message, null, cancellationToken);

    /// <summary>Publishes <paramref name="message"/> under <paramref name="selector"/> (e.g. <c>cmd.announce</c>) to <paramref name="channel"/>.</summary>
    public static Task NotifyChannelAsync(this IServerEvents events, string channel, string selector, object? message, CancellationToken cancellationToken = default) =>
        Events(events).NotifyAsync(ServerEventTarget.Channel(channel), selector, message, null, cancellationToken);

    /// <summary>Publishes <paramref name="message"/> to every subscription of the user <paramref name="userId"/> (only those in <paramref name="channel"/> when given).</summary>
    public static Task NotifyUserAsync<T>(this IServerEvents events, string userId, T message, string? channel = null, CancellationToken cancellationToken = default) where T : class =>
        Events(events).NotifyAsync(ServerEventTarget.User(userId), ServerEventSelector.For(message.GetType()), message, channel, cancellationToken);

    /// <summary>Publishes <paramref name="message"/> to the subscriptions of users holding <paramref name="role"/>.</summary>
    public static Task NotifyRoleAsync<T>(this IServerEvents events, string role, T message, string? channel = null, CancellationToken cancellationToken = default) where T : class =>
        Events(events).NotifyAsync(ServerEventTarget.Role(role), ServerEventSelector.For(message.GetType()), message, channel, cancellationToken);

    /// <summary>Publishes <paramref name="message"/> to the subscriptions of the session <paramref name="sessionId"/>.</summary>
    public static Task NotifySessionAsync<T>(this IServerEvents events, string sessionId, T message, string? channel = null, CancellationToken cancellationToken = default) where T : class =>
        Events(events).NotifyAsync(ServerEventTarget.Session(sessionId), ServerEventSelector.For(message.GetType()), message, channel, cancellationToken);

    /// <summary>Publishes <paramref name="message"/> to the subscription <paramref name="subscriptionId"/>.</summary>
    public static Task NotifySubscriptionAsync<T>(this IServerEvents events, string subscriptionId, T message, CancellationToken cancellationToken = default) where T : class =>
        Events(events).NotifyAsync(ServerEventTarget.Subscription(subscriptionId), ServerEventSelector.For(message.GetType()), message, null, cancellationToken);

    /// <summary>Publishes <paramref name="message"/> to every subscription.</summary>
    public static Task NotifyAllAsync<T>(this IServerEvents events, T message, CancellationToken cancellationToken = default) where T : class =>
        Events(events).NotifyAsync(ServerEventTarget.All, ServerEventSelector.For(message.GetType()), message, null, cancellationToken);

    private static IServerEvents Events(IServerEvents events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return events;
    }
}
