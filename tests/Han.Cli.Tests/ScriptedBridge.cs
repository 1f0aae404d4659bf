using System.Net;
using System.Net.Sockets;
using Han.TestCorpus;

namespace Han.Cli.Tests;

/// <summary>
/// A TCP bridge on a free loopback port that a test drives one connection at a time, as a bridge (ser2net,
/// an ESP reader) that serves a meter, drops and comes back.
/// </summary>
internal sealed class ScriptedBridge : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> _held = [];

    public ScriptedBridge()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
    }

    public int Port { get; }

    /// <summary>The SOURCE han reads the bridge by.</summary>
    public string Address => $"tcp://127.0.0.1:{Port}";

    /// <summary>Accepts one client, sends the frames 200 ms apart, and closes (the bridge restarts).</summary>
    public async Task ServeAndCloseAsync(params byte[][] frames)
    {
        using var timeout = new CancellationTokenSource(Patience);
        using var client = await _listener.AcceptTcpClientAsync(timeout.Token);
        var stream = client.GetStream();
        foreach (var frame in frames)
        {
            await stream.WriteAsync(frame, timeout.Token);
            await Task.Delay(200, timeout.Token);
        }
    }

    /// <summary>Accepts one client and sends the bytes; the connection stays open, silent, until the bridge is disposed.</summary>
    public async Task ServeAndHoldAsync(byte[] bytes)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var client = await _listener.AcceptTcpClientAsync(timeout.Token);
        _held.Add(client);
        await client.GetStream().WriteAsync(bytes, timeout.Token);
    }

    /// <summary>
    /// A whole Kaifa list, then the bridge goes down 20 bytes into Aidon's 396-byte hourly list (the rest
    /// of it never comes); the next connection brings a whole Kamstrup list, 228 bytes, fewer than the cut
    /// list lacked, and then nothing for a while. A reader that waited for the cut list's end would hold
    /// the Kamstrup list back.
    /// </summary>
    public async Task DropMidFrameAndComeBackWithOneListAsync()
    {
        await ServeAndCloseAsync(RealFrames.KaifaList3, RealFrames.AidonList3[..20]);
        await ServeAndHoldAsync(RealFrames.KamstrupList2);
    }

    public void Dispose()
    {
        foreach (var client in _held)
        {
            client.Dispose();
        }

        _listener.Dispose();
    }
}
