using System.Net;
using System.Net.Sockets;

namespace Ingestion.Testing;

/// <summary>Ports for the emulators and hosts tests start, so parallel runs never collide.</summary>
public static class FreePorts
{
    /// <summary>A loopback port nothing listens on now.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
