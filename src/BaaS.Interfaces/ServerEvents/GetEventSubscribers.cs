namespace BaaS;

/// <summary>
/// The subscribers of channels (<c>GET /event-subscribers?channels=a,b</c>): one dictionary per subscription with
/// <c>userId</c>, <c>displayName</c>, <c>channels</c> (comma-separated), <c>createdAt</c> and <c>isAuthenticated</c>.
/// The caller must be allowed to join every channel it asks about. What <c>@servicestack/client</c>'s
/// <c>ServerEventsClient.getChannelSubscribers()</c> calls.
/// </summary>
[Route("/event-subscribers", "GET")]
[ExcludeMetadata]
public class GetEventSubscribers : IGet, IReturn<List<Dictionary<string, string>>>
{
    /// <summary>The channels to list (at least one, unless the caller is Admin).</summary>
    public List<string>? Channels { get; set; }
}
