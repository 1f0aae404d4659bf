using System.Net;
using System.Net.Sockets;
using Han.TestCorpus;

namespace Han.Cli.Tests.Service;

/// <summary><c>han run</c> when its bridge drops in the middle of a list and comes back.</summary>
public sealed class RunReconnectTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("han-run-").FullName;

    [Fact]
    public async Task Run_BridgeDropsMidFrame_WritesTheNextConnectionsFirstListAtOnce()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var config = Path.Combine(_folder, "han.yaml");
        await File.WriteAllTextAsync(config, $"""
            meters:
              - name: house
                source: tcp://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}
            outputs:
              json_lines: {_folder}/{"{meter}"}.jsonl
            """);
        var service = Shell.Start($"exec \"$HAN\" run --config {config}", _folder, timeoutSeconds: 60);

        // The bridge goes down 20 bytes into Aidon's 396-byte hourly list: the rest of it never comes.
        await ListenCommandTests.ServeAsync(listener, [RealFrames.KaifaList3, RealFrames.AidonList3[..20]]);
        // The next connection brings a whole Kamstrup list (228 bytes: fewer than the cut list lacked), then nothing for a while.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var client = await listener.AcceptTcpClientAsync(timeout.Token);
        await client.GetStream().WriteAsync(RealFrames.KamstrupList2, timeout.Token);
        var written = await PrintedLines.WaitForAsync(Path.Combine(_folder, "house.jsonl"), 2, timeoutSeconds: 10);
        service.Signal("TERM");
        await service.Completion;

        Assert.Equal(["KFM_001", "Kamstrup_V0001"], written.Select(line => line.GetProperty("list_version").GetString()));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
