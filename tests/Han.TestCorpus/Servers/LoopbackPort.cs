using System.Globalization;
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

    /// <summary>
    /// Whether something listens on 127.0.0.1:<paramref name="port"/>, read from the kernel's socket table
    /// (/proc/net/tcp): a server learns nothing of the look, unlike a connection made to find out.
    /// </summary>
    public static bool IsListening(int port)
    {
        const string Listen = "0A";
        var local = "0100007F:" + port.ToString("X4", CultureInfo.InvariantCulture);
        return File.ReadLines("/proc/net/tcp")
            .Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Any(fields => fields.Length > 3 && fields[1] == local && fields[3] == Listen);
    }
}
