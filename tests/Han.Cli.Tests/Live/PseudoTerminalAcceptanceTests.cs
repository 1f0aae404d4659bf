using Han.TestCorpus.Servers;

namespace Han.Cli.Tests.Live;

/// <summary>
/// Acceptance: <c>han simulate --pty</c> writes a meter with line faults into one end of a real socat
/// pseudo-terminal pair, and a real <c>han listen</c> reads the other end as it reads a USB adapter. Every
/// list the simulator's log says went out intact is read exactly as sent; every damaged one is reported.
/// </summary>
public sealed class PseudoTerminalAcceptanceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("han-test-").FullName;

    [Theory]
    [InlineData("aidon", 11, "--baud 2400 --parity even")]
    [InlineData("kaifa", 12, "--baud 2400 --parity even")]
    [InlineData("kamstrup", 13, "--baud 2400 --parity none")]
    [InlineData("landisgyr", 14, "")] // --baud auto: the line setting is found by listening first
    public async Task Listen_SimulatorWithFaultsOnAPseudoTerminal_ReadsEveryIntactListAndReportsEveryDamagedOne(string vendor, int seed, string serialOptions)
    {
        using var pair = new PseudoTerminalPair();
        // Across a full hour, so the hourly list is among them; line faults at 8 % of the lists.
        var meter = new SimulatedMeter(vendor, "2025-01-15T10:58:30", "3m", seed, "bad-crc:0.08,truncated:0.08,garbage:0.08,disconnect:0.02,repeated-hour:0.5");
        var sentBytes = meter.SentBytesAsync();
        var (capture, output, log) = (Path.Combine(_folder, "capture.han"), Path.Combine(_folder, "listen.jsonl"), Path.Combine(_folder, "sent.jsonl"));

        var listening = Shell.Start($"STATE_DIRECTORY=state exec \"$HAN\" listen --format json --record '{capture}' {serialOptions} '{pair.ReaderEnd}' > '{output}'", _folder, timeoutSeconds: 120);
        await listening.WaitForErrorAsync(serialOptions.Length > 0 ? $"han listen: reading {pair.ReaderEnd}" : $"han listen: finding the line setting of {pair.ReaderEnd}");
        var simulated = await Shell.Run(meter.CommandLine(pair.MeterEnd, speed: 30, log), _folder);
        var sent = await sentBytes;
        await SimulatedMeter.WaitUntilRecordedAsync(capture, sent);
        listening.Signal("INT");
        var listened = await listening.Completion;

        Assert.True(simulated.ExitCode == 0, simulated.Stderr);
        var lists = SentList.ReadLog(log);
        Assert.Contains(lists, list => !list.Intact && list.Bytes > 0); // the run was meant to damage lists
        Assert.Contains(lists, list => list.List == "hourly" && list.Intact);
        var stretches = Stretch.Locate(CaptureConnections.Read(capture), sent);
        var stretch = Assert.Single(stretches); // nothing lost on a pseudo-terminal...
        Assert.Equal(sent.Length, stretch.SentEnd); // ... to the last byte
        if (serialOptions.Length > 0)
        {
            Assert.Equal(0, stretch.SentOffset); // and from the first, when there is no line setting to find
        }
        else
        {
            // The whole of han's log in the message: what the detection tried is the point when this fails.
            Assert.True(listened.Stderr.Contains($"han listen: {pair.ReaderEnd}: 2400 8E1: HDLC frames with good checksums", StringComparison.Ordinal), listened.Stderr);
        }

        LiveAccounting.AssertAccountedFor(lists, sent, stretches, PrintedLines.Read(output));
        Assert.Contains("han listen: stopped by Ctrl-C (SIGINT)", listened.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
