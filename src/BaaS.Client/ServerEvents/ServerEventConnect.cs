namespace BaaS.Client;

/// <summary>The subscription, as <c>cmd.onConnect</c> describes it.</summary>
public class ServerEventConnect : ServerEventUser
{
    /// <summary>The subscription's id (keep it private: it is what heartbeats and unregistering present).</summary>
    public string Id { get; set; } = "";

    /// <summary>Where to end the subscription.</summary>
    public string UnRegisterUrl { get; set; } = "";

    /// <summary>Where to send heartbeats.</summary>
    public string HeartbeatUrl { get; set; } = "";

    /// <summary>Where to change the subscription's channels.</summary>
    public string UpdateSubscriberUrl { get; set; } = "";

    /// <summary>How often to send a heartbeat.</summary>
    public long HeartbeatIntervalMs { get; set; }

    /// <summary>How long the server waits for one before ending the subscription.</summary>
    public long IdleTimeoutMs { get; set; }
}
