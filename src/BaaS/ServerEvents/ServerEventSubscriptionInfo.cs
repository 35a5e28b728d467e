namespace BaaS;

/// <summary>A subscription connected to this node, as <see cref="IServerEvents.GetSubscriptions"/> lists it.</summary>
/// <param name="Id">The subscription's id (also in its <c>cmd.onConnect</c>).</param>
/// <param name="UserId">The user's id; for an anonymous caller <c>-N</c>.</param>
/// <param name="DisplayName">The user's name; <c>userN</c> for an anonymous caller.</param>
/// <param name="IsAuthenticated">Whether the caller was signed in.</param>
/// <param name="SessionId">The session (<c>sid</c>) of the caller's access token, if any.</param>
/// <param name="Channels">The channels it is in.</param>
/// <param name="CreatedAt">When it connected.</param>
/// <param name="LastPulseAt">Its last heartbeat (or connection).</param>
/// <param name="BufferedMessages">Messages waiting to be written to it.</param>
public sealed record ServerEventSubscriptionInfo(string Id, string UserId, string DisplayName, bool IsAuthenticated, string? SessionId,
    IReadOnlyList<string> Channels, DateTimeOffset CreatedAt, DateTimeOffset LastPulseAt, int BufferedMessages);
