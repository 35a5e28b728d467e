namespace BaaS;

/// <summary>Who a server event is for (see <see cref="ServerEventTarget"/>).</summary>
public enum ServerEventTargetKind
{
    /// <summary>Every subscription.</summary>
    All,

    /// <summary>The subscriptions in a channel.</summary>
    Channel,

    /// <summary>Every subscription of a signed-in user, by user id.</summary>
    User,

    /// <summary>The subscriptions of signed-in users holding a role (the role claim itself: Admin is not implied).</summary>
    Role,

    /// <summary>The subscriptions of one session (the access token's <c>sid</c>).</summary>
    Session,

    /// <summary>One subscription, by its id.</summary>
    Subscription,
}
