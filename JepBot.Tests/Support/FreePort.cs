using System.Net;
using System.Net.Sockets;

namespace JepBot.Tests.Support;

/// <summary>A loopback port nobody listens on right now, for a server a test starts itself.</summary>
public static class FreePort
{
    public static int OnLoopback()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
