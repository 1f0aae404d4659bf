using Han.TestCorpus.Servers;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Han.Cli.Tests;

/// <summary><c>han simulate --serve</c> on a real loopback socket and <c>--pty</c> on a real socat pseudo-terminal pair.</summary>
public sealed class SimulateOutputTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Serve_AClientConnects_GetsExactlyWhatStandardOutputWouldGet()
    {
        string[] args = ["simulate", "--meter", "aidon", "--speed", "max", "--duration", "10m", "--start", SimulateCommandTests.Start, "--seed", "4"];
        var expected = (await SimulateCommandTests.RunAsync(args)).Stdout;
        var port = LoopbackPort.Free();

        var serving = SimulateCommandTests.RunAsync([.. args, "--serve", $"tcp://127.0.0.1:{port}"]);
        using var client = await ConnectAsync(port);
        var received = await ReadToEndAsync(client.GetStream());
        var result = await serving.WaitAsync(Patience);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"serving on tcp://127.0.0.1:{port}", result.Stderr, StringComparison.Ordinal);
        Assert.True(expected.Length > 10_000, "ten minutes of Aidon lists");
        Assert.Equal(expected, received);
    }

    [Fact]
    public async Task Serve_DisconnectFault_ClosesTheClientsConnectionMidFrame()
    {
        var log = Path.Combine(Directory.CreateTempSubdirectory("han-simulate-").FullName, "sent.jsonl");
        var port = LoopbackPort.Free();
        try
        {
            var serving = SimulateCommandTests.RunAsync("simulate", "--meter", "kamstrup", "--speed", "max", "--duration", "5m", "--start", SimulateCommandTests.Start, "--seed", "4", "--faults", "disconnect:1", "--log", log, "--serve", $"tcp://127.0.0.1:{port}");
            using var client = await ConnectAsync(port);
            var received = await ReadToEndAsync(client.GetStream());
            var result = await serving.WaitAsync(Patience);

            Assert.Equal(0, result.ExitCode);
            var first = JsonDocument.Parse(File.ReadLines(log).First()).RootElement;
            Assert.Equal("disconnect", first.GetProperty("fault").GetString());
            Assert.Equal(first.GetProperty("bytes").GetInt32(), received.Length);
            Assert.Equal(0x7E, received[0]);
            Assert.Contains("faults: disconnect", result.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(log)!, recursive: true);
        }
    }

    [Fact]
    public async Task Serve_PortTaken_SaysSoAndWhatToDo()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var result = await SimulateCommandTests.RunAsync("simulate", "--duration", "1m", "--serve", $"tcp://127.0.0.1:{port}");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"--serve tcp://127.0.0.1:{port}: cannot listen there", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("or 0 for any free one", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pty_OneEndOfASocatPair_TheOtherEndReadsEveryByte()
    {
        using var pair = new PseudoTerminalPair();
        string[] args = ["simulate", "--meter", "kamstrup", "--phases", "1", "--speed", "max", "--duration", "5m", "--start", SimulateCommandTests.Start, "--seed", "8"];
        var expected = (await SimulateCommandTests.RunAsync(args)).Stdout;
        await using var reader = new FileStream(pair.ReaderEnd, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
        var reading = Task.Run(() => ReadCount(reader, expected.Length));

        var result = await SimulateCommandTests.RunAsync([.. args, "--pty", pair.MeterEnd]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected, await reading.WaitAsync(Patience));
    }

    [Fact]
    public async Task Pty_TheOtherEndCloses_EndsWithOneLineSayingSo()
    {
        using var pair = new PseudoTerminalPair();
        var log = Path.Combine(Path.GetTempPath(), $"han-test-{Guid.NewGuid():N}.jsonl");
        var running = SimulateCommandTests.RunAsync("simulate", "--speed", "20", "--pty", pair.MeterEnd, "--log", log);
        await PrintedLines.WaitForAsync(log, 1); // the meter is sending

        pair.Unplug();
        var result = await running.WaitAsync(Patience);
        File.Delete(log);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"han simulate: cannot write to the pseudo-terminal {pair.MeterEnd}", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_DiskFull_EndsWithOneLineSayingSo()
    {
        var result = await SimulateCommandTests.RunAsync("simulate", "--speed", "max", "--duration", "1h", "--log", "/dev/full");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("han simulate: cannot write to the log /dev/full: no space left on the device", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pty_Missing_SaysHowToMakeOne()
    {
        var result = await SimulateCommandTests.RunAsync("simulate", "--duration", "1m", "--pty", "/nonexistent/meter");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--pty /nonexistent/meter: does not exist; make a pseudo-terminal pair first, e.g. socat", result.Stderr, StringComparison.Ordinal);
    }


    /// <summary>Connects once the simulator listens (it starts in the background).</summary>
    private static async Task<TcpClient> ConnectAsync(int port)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port);
                return client;
            }
            catch (SocketException) when (waited.Elapsed < Patience)
            {
                client.Dispose();
                await Task.Delay(50);
            }
        }
    }

    private static async Task<byte[]> ReadToEndAsync(Stream stream)
    {
        using var timeout = new CancellationTokenSource(Patience);
        using var all = new MemoryStream();
        await stream.CopyToAsync(all, timeout.Token);
        return all.ToArray();
    }

    private static byte[] ReadCount(Stream stream, int count)
    {
        var buffer = new byte[count];
        stream.ReadExactly(buffer);
        return buffer;
    }
}
