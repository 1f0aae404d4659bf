using System.Net.Sockets;
using Han.TestCorpus;
using Han.TestCorpus.Servers;

namespace Han.Deploy.Tests;

/// <summary>
/// deploy/ser2net.yaml (ser2net 4) and deploy/ser2net.conf (ser2net 3's format, which ser2net 4 still
/// reads) run by Debian's real ser2net, as written but for two things a test must change: the device
/// becomes one end of a socat pseudo-terminal pair, the port a free one on loopback (<see cref="Ser2NetBridge"/>).
/// </summary>
public sealed class Ser2netExampleTests
{
    [Theory]
    [InlineData("ser2net.yaml", "tcp,3001", "tcp,127.0.0.1,{0}")]
    [InlineData("ser2net.conf", "\n3001:", "\n127.0.0.1,{0}:")]
    public async Task Example_OnAPseudoTerminal_ForwardsTheMetersBytesUnchanged(string example, string accepter, string loopback)
    {
        using var pair = new PseudoTerminalPair();
        var text = File.ReadAllText(Path.Combine(Vectors.RepositoryRoot(), "deploy", example));
        Assert.Contains(accepter, text, StringComparison.Ordinal);
        Assert.Contains("/dev/ttyUSB0", text, StringComparison.Ordinal);
        using var ser2net = new Ser2NetBridge(port => text.Replace(accepter, string.Format(System.Globalization.CultureInfo.InvariantCulture, loopback, port), StringComparison.Ordinal).Replace("/dev/ttyUSB0", pair.ReaderEnd, StringComparison.Ordinal), example);

        using var client = new TcpClient();
        await client.ConnectAsync(System.Net.IPAddress.Loopback, ser2net.Port);
        await using var stream = client.GetStream();
        await ser2net.WaitUntilDeviceOpenAsync(pair.ReaderEnd); // ser2net opens the device when the client connects
        pair.Send(RealFrames.KamstrupList2);
        var received = await ReadExactly(stream, RealFrames.KamstrupList2.Length);

        Assert.Equal(RealFrames.KamstrupList2, received);
        // Every complaint about the file names it (e.g. "ser2net.yaml:29(column 0): Unknown config item").
        Assert.DoesNotContain(example + ":", ser2net.Log, StringComparison.Ordinal);
    }

    private static async Task<byte[]> ReadExactly(NetworkStream stream, int count)
    {
        var buffer = new byte[count];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await stream.ReadExactlyAsync(buffer, timeout.Token);
        return buffer;
    }
}
