namespace BaaS.Client;

/// <summary>A member of a channel, as <c>cmd.onJoin</c>, <c>cmd.onLeave</c> and <c>cmd.onHeartbeat</c> describe it.</summary>
public class ServerEventUser
{
    /// <summary>The user's id (<c>-N</c> for an anonymous subscriber).</summary>
    public string UserId { get; set; } = "";

    /// <summary>The user's name.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>Whether the subscriber is signed in.</summary>
    public bool IsAuthenticated { get; set; }

    /// <summary>Its channels, comma-separated.</summary>
    public string Channels { get; set; } = "";

    /// <summary>When it connected (Unix milliseconds).</summary>
    public long CreatedAt { get; set; }

    /// <summary>The channel of the notice (for joins and leaves).</summary>
    public string? Channel { get; set; }
}
