using System.Security.Claims;
using BaaS.Auth;

namespace BaaS.ServerEvents;

/// <summary>Who opened a stream, read once when it connects.</summary>
/// <param name="UserId">The user's id; <c>-N</c> for an anonymous caller.</param>
/// <param name="DisplayName">The user's name; <c>userN</c> for an anonymous caller.</param>
/// <param name="IsAuthenticated">Whether the caller was signed in.</param>
/// <param name="SessionId">The session (<c>sid</c>) of the caller's token, if any.</param>
/// <param name="Roles">The caller's roles.</param>
/// <param name="Address">The client's address (what the anonymous limit counts).</param>
internal sealed record SubscriberIdentity(string UserId, string DisplayName, bool IsAuthenticated, string? SessionId, IReadOnlyList<string> Roles, string? Address)
{
    private static long _anonymous;

    /// <summary>The identity of <paramref name="user"/> connecting from <paramref name="address"/>.</summary>
    public static SubscriberIdentity Of(ClaimsPrincipal user, string? address)
    {
        if (user.GetUserId() is { Length: > 0 } id)
            return new SubscriberIdentity(id, user.GetUserName() ?? id, true, user.GetSessionId(), user.GetRoles(), address);
        var n = Interlocked.Increment(ref _anonymous);
        return new SubscriberIdentity("-" + n, "user" + n, false, null, [], address);
    }
}
