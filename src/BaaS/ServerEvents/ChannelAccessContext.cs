using System.Security.Claims;
using BaaS.Auth;

namespace BaaS;

/// <summary>What a channel's rule (<see cref="ServerEventsChannel.Allow"/>) is asked about: who joins which channel.</summary>
public sealed class ChannelAccessContext
{
    internal ChannelAccessContext(ClaimsPrincipal user, string channel, string wildcard, IServiceProvider services, CancellationToken cancellationToken)
    {
        User = user;
        Channel = channel;
        Wildcard = wildcard;
        Services = services;
        CancellationToken = cancellationToken;
    }

    /// <summary>The caller (anonymous when not signed in).</summary>
    public ClaimsPrincipal User { get; }

    /// <summary>The caller's user id, or null when anonymous.</summary>
    public string? UserId => User.GetUserId();

    /// <summary>The channel asked for, e.g. <c>order-42</c>.</summary>
    public string Channel { get; }

    /// <summary>What the declared pattern's <c>*</c> matched (<c>42</c> for <c>order-*</c>); empty for an exact name.</summary>
    public string Wildcard { get; }

    /// <summary>The request's services (a database connection factory, the app's stores).</summary>
    public IServiceProvider Services { get; }

    /// <summary>Cancelled when the caller goes away.</summary>
    public CancellationToken CancellationToken { get; }
}
