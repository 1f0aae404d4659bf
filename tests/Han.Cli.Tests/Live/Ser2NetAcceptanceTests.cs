using Han.TestCorpus.Servers;
using Xunit.Abstractions;

namespace Han.Cli.Tests.Live;

/// <summary>
/// Acceptance: a real ser2net 4 bridges a pseudo-terminal to TCP, as users put a meter's adapter on the
/// network; <c>han simulate --pty</c> is the meter and a real <c>han listen tcp://...</c> reads the
/// bridge. ser2net is killed mid-stream and started again: han reconnects and reads every list that
/// reached it whole, reports the ones the kill cut, and invents nothing.
/// </summary>
public sealed class Ser2NetAcceptanceTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("han-test-").FullName;

    [Fact]
    public async Task Listen_Ser2NetKilledAndRestartedMidStream_ReconnectsAndReadsEveryListThatArrivedWhole()
    {
        using var pair = new PseudoTerminalPair();
        using var bridge = new Ser2NetBridge(pair.ReaderEnd);
        var meter = new SimulatedMeter("aidon", "2025-01-15T10:58:30", "1h", Seed: 21);
        var sentBytes = meter.SentBytesAsync();
        var (capture, printed, log) = (Path.Combine(_folder, "capture.han"), Path.Combine(_folder, "listen.jsonl"), Path.Combine(_folder, "sent.jsonl"));
        var connected = $"han listen: connected to {bridge.Address}";

        var listening = Shell.Start($"exec \"$HAN\" listen --format json --record '{capture}' {bridge.Address} > '{printed}'", _folder, timeoutSeconds: 120);
        await listening.WaitForErrorAsync(connected);
        var simulating = Shell.Run(meter.CommandLine(pair.MeterEnd, speed: 300, log), _folder);
        await PrintedLines.WaitForAsync(printed, 300);
        bridge.Kill();
        // The bridge is down; the meter goes on: a hundred lists (under a second at this speed) sent meanwhile.
        await PrintedLines.WaitForAsync(log, PrintedLines.Read(log).Count + 100);
        bridge.Restart();
        await listening.WaitForErrorAsync(connected, times: 2);
        var simulated = await simulating;
        var sent = await sentBytes;
        await SimulatedMeter.WaitUntilRecordedAsync(capture, sent);
        listening.Signal("INT");
        var listened = await listening.Completion;

        Assert.True(simulated.ExitCode == 0, simulated.Stderr);
        Assert.Contains($"han listen: {bridge.Address}: the bridge closed the connection; trying again in", listened.Stderr, StringComparison.Ordinal);
        var connections = CaptureConnections.Read(capture);
        Assert.Equal(2, connections.Count);
        var stretches = Stretch.Locate(connections, sent);
        output.WriteLine($"han received {string.Join(" and ", stretches)} of the {sent.Length} bytes sent");
        Assert.Equal(0, stretches[0].SentOffset); // from the meter's first byte...
        Assert.Equal(sent.Length, stretches[^1].SentEnd); // ... to its last, after the restart
        LiveAccounting.AssertAccountedFor(SentList.ReadLog(log), sent, stretches, PrintedLines.Read(printed));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
