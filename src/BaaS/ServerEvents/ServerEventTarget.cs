namespace BaaS;

/// <summary>Who a server event is for: <c>ServerEventTarget.Channel("order-7")</c>, <c>ServerEventTarget.User(id)</c>...</summary>
/// <param name="Kind">The kind of target.</param>
/// <param name="Value">The channel, user id, role, session id or subscription id; null for <see cref="ServerEventTargetKind.All"/>.</param>
public readonly record struct ServerEventTarget(ServerEventTargetKind Kind, string? Value)
{
    /// <summary>Every subscription.</summary>
    public static ServerEventTarget All => new(ServerEventTargetKind.All, null);

    /// <summary>The subscriptions in <paramref name="channel"/>.</summary>
    public static ServerEventTarget Channel(string channel) => new(ServerEventTargetKind.Channel, channel);

    /// <summary>Every subscription of the user <paramref name="userId"/>.</summary>
    public static ServerEventTarget User(string userId) => new(ServerEventTargetKind.User, userId);

    /// <summary>The subscriptions of users holding <paramref name="role"/>.</summary>
    public static ServerEventTarget Role(string role) => new(ServerEventTargetKind.Role, role);

    /// <summary>The subscriptions of the session <paramref name="sessionId"/>.</summary>
    public static ServerEventTarget Session(string sessionId) => new(ServerEventTargetKind.Session, sessionId);

    /// <summary>The subscription <paramref name="subscriptionId"/>.</summary>
    public static ServerEventTarget Subscription(string subscriptionId) => new(ServerEventTargetKind.Subscription, subscriptionId);
}
