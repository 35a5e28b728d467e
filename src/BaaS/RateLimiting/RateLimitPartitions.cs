using System.Net;
using System.Net.Sockets;
using BaaS.Auth;
using Microsoft.AspNetCore.Http;

namespace BaaS.RateLimiting;

/// <summary>
/// Whose budget a call counts against. The client address is only ever the connection's
/// (<see cref="ConnectionInfo.RemoteIpAddress"/>): a header such as <c>X-Forwarded-For</c> changes it only when the
/// request came from a configured trusted proxy (<c>BaaS:Security:ForwardedHeaders:TrustedProxies</c>), never otherwise.
/// </summary>
internal static class RateLimitPartitions
{
    /// <summary>
    /// The partition key of <paramref name="context"/>'s caller under <paramref name="partition"/>: <c>key:{id}</c>,
    /// <c>user:{id}</c> or <c>ip:{address}</c> (an IPv6 address by its /64 network, which one client usually holds whole);
    /// null when there is no client address (an in-process call).
    /// </summary>
    public static string? Of(HttpContext context, RateLimitPartition partition)
    {
        var user = context.User;
        if (partition == RateLimitPartition.Caller && user.GetApiKeyId() is { } key) return "key:" + key.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (partition != RateLimitPartition.Ip && user.GetUserId() is { Length: > 0 } id) return "user:" + id;
        return context.Connection.RemoteIpAddress is { } address ? "ip:" + Address(address) : null;
    }

    private static string Address(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) return address.MapToIPv4().ToString();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
