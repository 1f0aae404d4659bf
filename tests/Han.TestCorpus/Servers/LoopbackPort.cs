using System.Net;
using System.Net.Sockets;

namespace Han.TestCorpus.Servers;

/// <summary>A TCP port on the loopback interface that nothing listens on, for a test's own server.</summary>
public static class LoopbackPort
{
    /// <summary>A port the system just gave out and took back; free unless another process takes it in between.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
