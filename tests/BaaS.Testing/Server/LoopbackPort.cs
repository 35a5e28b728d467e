using System.Net;
using System.Net.Sockets;

namespace BaaS.Testing;

/// <summary>Ports on 127.0.0.1 for servers a test starts itself, or for a connection that must be refused.</summary>
public static class LoopbackPort
{
    /// <summary>A port nothing listens on right now (the system's choice, released again at once).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
