using System.Net.Sockets;
using System.Text;
using Han.TestCorpus.Servers;

namespace Han.Cli.Tests.Service;

/// <summary>
/// <c>han run</c> under systemd's notification protocol (sd_notify(3)): a real datagram socket stands in
/// for systemd's, named by <c>NOTIFY_SOCKET</c> as systemd names it for a <c>Type=notify</c> unit.
/// </summary>
public sealed class SystemdNotifyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("han-notify-").FullName;

    [Fact]
    public async Task Run_UnderSystemdWithAWatchdog_SaysReadyPingsTheWatchdogKeepsAStatusAndSaysStopping()
    {
        var socketPath = Path.Combine(_folder, "notify");
        using var systemd = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        systemd.Bind(new UnixDomainSocketEndPoint(socketPath));
        var config = Path.Combine(_folder, "han.yaml");
        await File.WriteAllTextAsync(config, $"meters:\n  - name: house\n    source: tcp://127.0.0.1:{LoopbackPort.Free()}\n");

        var service = Shell.Start($"NOTIFY_SOCKET={socketPath} WATCHDOG_USEC=1000000 JOURNAL_STREAM=8:1234 exec \"$HAN\" run --config {config}", _folder);
        var messages = new List<string>();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (messages.Count(m => m == "WATCHDOG=1") < 3)
        {
            messages.Add(await Receive(systemd, patience.Token));
        }

        service.Signal("TERM");
        while (!messages.Contains("STOPPING=1"))
        {
            messages.Add(await Receive(systemd, patience.Token));
        }

        var result = await service.Completion;
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("READY=1", messages[0]);
        Assert.Contains(messages, m => m.StartsWith("STATUS=house: ", StringComparison.Ordinal) && m.Contains("0 readings, no reading yet", StringComparison.Ordinal));
        Assert.StartsWith("<6>han run: reading house", result.Stderr, StringComparison.Ordinal); // the journal's priority prefix, no time
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<string> Receive(Socket socket, CancellationToken cancellation)
    {
        var buffer = new byte[4096];
        var length = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellation);
        return Encoding.UTF8.GetString(buffer, 0, length);
    }
}
