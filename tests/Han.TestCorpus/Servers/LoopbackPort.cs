using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Han.TestCorpus.Servers;

/// <summary>A TCP port on the loopback interface that nothing listens on, for a test's own server.</summary>
public static class LoopbackPort
{
    /// <summary>Every port handed out in this process: a test's server may not listen on it yet.</summary>
    private static readonly HashSet<int> HandedOut = [];

    /// <summary>
    /// A port the system just gave out and took back, never one handed out before in this process: the
    /// system may give the same port to the next caller as soon as it is closed, and two tests running in
    /// parallel would then both start their servers on it. Still free only unless another process takes
    /// it in between; a server that can bind port 0 itself and tell its port needs none of this.
    /// </summary>
    public static int Free()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            lock (HandedOut)
            {
                if (HandedOut.Add(port))
                {
                    return port;
                }
            }
        }
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
