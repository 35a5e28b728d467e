namespace BaaS;

/// <summary>
/// A declared channel (an exact name such as <c>couriers</c>, or a pattern ending in <c>*</c> such as <c>order-*</c>)
/// and who may join it. Declared with <see cref="ServerEventsOptions.Channel"/>; signed-in callers only until one of the
/// <c>Allow</c> methods says otherwise.
/// </summary>
public sealed class ServerEventsChannel
{
    internal ServerEventsChannel(string name) => Name = name;

    /// <summary>The name or pattern (<c>order-*</c>: every channel that starts with <c>order-</c>).</summary>
    public string Name { get; }

    /// <summary>True when <see cref="Name"/> ends with <c>*</c>.</summary>
    public bool IsPattern => Name.EndsWith('*');

    /// <summary>Who may join.</summary>
    public ChannelAccess Access { get; private set; } = ChannelAccess.SignedIn;

    /// <summary>The roles of <see cref="ChannelAccess.Roles"/>.</summary>
    public IReadOnlyList<string> Roles { get; private set; } = [];

    /// <summary>The rule of <see cref="ChannelAccess.Rule"/>.</summary>
    public Func<ChannelAccessContext, ValueTask<bool>>? Rule { get; private set; }

    /// <summary>Anyone may join, signed in or not.</summary>
    public ServerEventsChannel AllowAnyone() => Set(ChannelAccess.Anyone);

    /// <summary>Signed-in callers may join (the default).</summary>
    public ServerEventsChannel AllowSignedIn() => Set(ChannelAccess.SignedIn);

    /// <summary>Signed-in callers holding one of <paramref name="roles"/> may join (Admin holds every role).</summary>
    public ServerEventsChannel AllowRoles(params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        if (roles.Length == 0 || roles.Any(string.IsNullOrWhiteSpace))
            throw new ArgumentException($"Channel '{Name}': AllowRoles needs at least one role, none empty.", nameof(roles));
        Roles = [.. roles];
        return Set(ChannelAccess.Roles);
    }

    /// <summary>
    /// Callers for whom <paramref name="rule"/> answers true may join: it is asked for each caller and channel when a
    /// stream connects (and when a subscription joins the channel later), e.g. "is this caller the customer of order
    /// <c>{Wildcard}</c>?". It gets anonymous callers too.
    /// </summary>
    public ServerEventsChannel Allow(Func<ChannelAccessContext, ValueTask<bool>> rule)
    {
        Rule = rule ?? throw new ArgumentNullException(nameof(rule));
        return Set(ChannelAccess.Rule);
    }

    /// <summary>Nobody may join (a channel only the server publishes to under another name, or one switched off).</summary>
    public ServerEventsChannel Refuse() => Set(ChannelAccess.Refused);

    private ServerEventsChannel Set(ChannelAccess access)
    {
        Access = access;
        if (access != ChannelAccess.Roles) Roles = [];
        if (access != ChannelAccess.Rule) Rule = null;
        return this;
    }
}
