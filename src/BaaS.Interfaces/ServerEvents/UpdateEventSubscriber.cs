namespace BaaS;

/// <summary>
/// Joins or leaves channels on a live subscription (<c>POST /event-subscribers/{Id}</c>), with the same access rules
/// as connecting. Only the subscription's own user (or, for an anonymous one, the same client address) may change it.
/// </summary>
[Route("/event-subscribers/{Id}", "POST")]
[ExcludeMetadata]
public class UpdateEventSubscriber : IPost, IReturn<UpdateEventSubscriberResponse>
{
    /// <summary>The subscription's id (from <c>cmd.onConnect</c>).</summary>
    public string Id { get; set; } = "";

    /// <summary>Channels to join.</summary>
    public List<string>? SubscribeChannels { get; set; }

    /// <summary>Channels to leave.</summary>
    public List<string>? UnsubscribeChannels { get; set; }
}
