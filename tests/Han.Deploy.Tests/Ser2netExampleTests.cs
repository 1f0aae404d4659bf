using System.Net.Sockets;
using Han.TestCorpus;
using Han.TestCorpus.Servers;

namespace Han.Deploy.Tests;

/// <summary>
/// deploy/ser2net.yaml (ser2net 4) and deploy/ser2net.conf (ser2net 3's format, which ser2net 4 still
/// reads) run by Debian's real ser2net, as written but for two things a test must change: the device
/// becomes one end of a socat pseudo-terminal pair, the port a free one on loopback.
/// </summary>
public sealed class Ser2netExampleTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("han-test-ser2net-").FullName;

    [Theory]
    [InlineData("ser2net.yaml", "tcp,3001", "tcp,127.0.0.1,{0}")]
    [InlineData("ser2net.conf", "\n3001:", "\n127.0.0.1,{0}:")]
    public async Task Example_OnAPseudoTerminal_ForwardsTheMetersBytesUnchanged(string example, string accepter, string loopback)
    {
        using var pair = new PseudoTerminalPair();
        var port = LoopbackPort.Free();
        var text = File.ReadAllText(Path.Combine(Vectors.RepositoryRoot(), "deploy", example));
        Assert.Contains(accepter, text, StringComparison.Ordinal);
        Assert.Contains("/dev/ttyUSB0", text, StringComparison.Ordinal);
        var configuration = Path.Combine(_folder, example);
        File.WriteAllText(configuration, text.Replace(accepter, string.Format(System.Globalization.CultureInfo.InvariantCulture, loopback, port), StringComparison.Ordinal).Replace("/dev/ttyUSB0", pair.ReaderEnd, StringComparison.Ordinal));
        var log = Path.Combine(_folder, "ser2net.log");

        // -n: foreground, -d: log to standard output (ser2net(8)); into a file, read at the end.
        using var ser2net = Tool.Start("bash", ["-c", "exec ser2net -n -d -c \"$0\" >\"$1\" 2>&1", configuration, log], redirect: false);
        byte[] received;
        try
        {
            using var client = await Connect(port);
            await using var stream = client.GetStream();
            await Task.Delay(200); // ser2net opens the device when the client connects
            pair.Send(RealFrames.KamstrupList2);
            received = await ReadExactly(stream, RealFrames.KamstrupList2.Length);
        }
        finally
        {
            // A bad configuration can leave ser2net deaf to SIGTERM, so it is killed.
            ser2net.Kill();
            await ser2net.WaitForExitAsync();
        }

        Assert.Equal(RealFrames.KamstrupList2, received);
        // Every complaint about the file names it (e.g. "ser2net.yaml:29(column 0): Unknown config item").
        Assert.DoesNotContain(example + ":", File.ReadAllText(log), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<TcpClient> Connect(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var client = new TcpClient();
            try
            {
                await client.ConnectAsync(System.Net.IPAddress.Loopback, port);
                return client;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                client.Dispose();
                await Task.Delay(50);
            }
        }
    }

    private static async Task<byte[]> ReadExactly(NetworkStream stream, int count)
    {
        var buffer = new byte[count];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await stream.ReadExactlyAsync(buffer, timeout.Token);
        return buffer;
    }
}
