namespace BaaS;

/// <summary>Who may join a channel (see <see cref="ServerEventsChannel"/>).</summary>
public enum ChannelAccess
{
    /// <summary>Nobody: joining is refused (403).</summary>
    Refused,

    /// <summary>Anyone, signed in or not.</summary>
    Anyone,

    /// <summary>Signed-in callers (401 for anonymous ones).</summary>
    SignedIn,

    /// <summary>Signed-in callers holding one of the channel's roles (Admin holds every role).</summary>
    Roles,

    /// <summary>Callers for whom the channel's rule answers true, asked per caller and channel.</summary>
    Rule,
}
