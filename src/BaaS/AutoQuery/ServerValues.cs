using BaaS.Auth;
using Microsoft.AspNetCore.Http;

namespace BaaS.AutoQuery;

/// <summary>
/// The server-side values <c>Eval</c> can name in <see cref="AutoPopulateAttribute"/>, <see cref="AutoFilterAttribute"/>
/// and <see cref="AutoDefaultAttribute"/>. Resolved per request; unknown names fail startup.
/// </summary>
public static class ServerValues
{
    /// <summary>The signed-in user's id (<c>sub</c>).</summary>
    public const string UserAuthId = "userAuthId";

    /// <summary>The signed-in user's name.</summary>
    public const string UserAuthName = "userAuthName";

    /// <summary>The current UTC time.</summary>
    public const string UtcNow = "utcNow";

    /// <summary>Today's UTC date at midnight.</summary>
    public const string NowDate = "nowDate";

    /// <summary>A new Guid.</summary>
    public const string NewGuid = "newGuid";

    /// <summary>The caller's IP address.</summary>
    public const string RemoteIp = "remoteIp";

    private static readonly Dictionary<string, Func<HttpContext, TimeProvider, object?>> Resolvers = new(StringComparer.OrdinalIgnoreCase)
    {
        [UserAuthId] = (c, _) => c.User.GetUserId(),
        [UserAuthName] = (c, _) => c.User.GetUserName(),
        [UtcNow] = (_, t) => t.GetUtcNow().UtcDateTime,
        ["now"] = (_, t) => t.GetUtcNow().UtcDateTime,
        [NowDate] = (_, t) => t.GetUtcNow().UtcDateTime.Date,
        ["today"] = (_, t) => t.GetUtcNow().UtcDateTime.Date,
        [NewGuid] = (_, _) => Guid.NewGuid(),
        [RemoteIp] = (c, _) => c.Connection.RemoteIpAddress?.ToString(),
    };

    /// <summary>The resolver of a named value; throws at startup for a name it does not know.</summary>
    public static Func<HttpContext, TimeProvider, object?> Resolver(string name, string owner) =>
        Resolvers.GetValueOrDefault(name.Trim())
        ?? throw new InvalidOperationException(
            $"{owner}: Eval = \"{name}\" is not a server value. Use one of: {string.Join(", ", Resolvers.Keys)}.");

    /// <summary>True for values that depend on the signed-in user (a null then means nobody is signed in).</summary>
    public static bool IsUserValue(string name) =>
        string.Equals(name.Trim(), UserAuthId, StringComparison.OrdinalIgnoreCase) ||
        string.Equals(name.Trim(), UserAuthName, StringComparison.OrdinalIgnoreCase);
}
