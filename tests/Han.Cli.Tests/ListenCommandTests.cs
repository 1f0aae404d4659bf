using System.Text.Json;
using Han.Sources.Captures;
using Han.TestCorpus;
using Han.TestCorpus.Servers;

namespace Han.Cli.Tests;

/// <summary><c>han listen</c> as a user runs it, on real pseudo-terminals (socat) and a real TCP bridge on loopback.</summary>
public sealed class ListenCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("han-test-").FullName;

    [Fact]
    public async Task Listen_SerialDevice_PrintsEachReadingWithItsReceiveTime()
    {
        using var pair = new PseudoTerminalPair();
        var started = DateTimeOffset.UtcNow;

        var listening = Shell.Start($"timeout --foreground -s INT 6 \"$HAN\" listen --format json --baud 2400 --parity none '{pair.ReaderEnd}'", _folder);
        await listening.WaitForErrorAsync($"han listen: reading {pair.ReaderEnd}");
        pair.Send(RealFrames.KamstrupList2);
        await Task.Delay(300);
        pair.Send(RealFrames.KamstrupList2);
        var result = await listening.Completion;

        var readings = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(2, readings.Count);
        Assert.All(readings, reading => Assert.InRange(DateTimeOffset.Parse(reading.GetProperty("received").GetString()!, System.Globalization.CultureInfo.InvariantCulture), started, DateTimeOffset.UtcNow));
        Assert.Contains($"han listen: reading {pair.ReaderEnd} (2400 8N1)", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("han listen: stopped by Ctrl-C (SIGINT)", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listen_SerialDeviceWithoutSettings_FindsTheLineSettingRemembersItAndReads()
    {
        // A pseudo-terminal carries bytes at any setting, so the first candidate (2400 8E1) reads it.
        using var pair = new PseudoTerminalPair();
        var state = Path.Combine(_folder, "state");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        var meter = Task.Run(
            async () =>
            {
                // Ends only by the cancellation's exception, whether it comes during the wait or before the next frame.
                while (true)
                {
                    stop.Token.ThrowIfCancellationRequested();
                    pair.Send(RealFrames.KamstrupList2);
                    await Task.Delay(500, stop.Token);
                }
            },
            stop.Token);

        var result = await Shell.Run($"STATE_DIRECTORY='{state}' timeout --foreground -s INT 6 \"$HAN\" listen --format json '{pair.ReaderEnd}'", _folder);
        await stop.CancelAsync();

        Assert.Contains($"han listen: {pair.ReaderEnd}: 2400 8E1: HDLC frames with good checksums", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("(remembered for the next start)", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("\"meter_id\":\"5706567277656672\"", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"2400 8E1\"", File.ReadAllText(Path.Combine(state, "line-settings.json")), StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => meter);
    }

    [Fact]
    public async Task Listen_BridgeRestartsMidStream_ReconnectsAndDecodesEveryFrameThatArrivedWhole()
    {
        using var bridge = new ScriptedBridge();
        var capture = Path.Combine(_folder, "session.han");

        var listening = Shell.Run($"timeout --foreground -s INT 8 \"$HAN\" listen --format json --record '{capture}' {bridge.Address}", _folder);
        await bridge.ServeAndCloseAsync(RealFrames.KamstrupList2, RealFrames.AidonList3);
        await bridge.ServeAndCloseAsync(RealFrames.KaifaList3);
        var result = await listening;

        var ids = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("list_version").GetString());
        Assert.Equal(["Kamstrup_V0001", "AIDON_V0001", "KFM_001"], ids);
        Assert.Contains("the bridge closed the connection; trying again in", result.Stderr, StringComparison.Ordinal);
        Assert.True(result.Stderr.Split('\n').Count(line => line.StartsWith($"han listen: connected to {bridge.Address}", StringComparison.Ordinal)) >= 2);
        Assert.Equal(CaptureFormat.Header, File.ReadLines(capture).First());
        Assert.Contains(File.ReadLines(capture), line => line.StartsWith("# ", StringComparison.Ordinal) && line.Contains("the bridge closed the connection", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Listen_BridgeDropsMidFrame_ReportsTheCutFrameAndReadsTheNextConnectionsFirstListAtOnce()
    {
        using var bridge = new ScriptedBridge();
        var output = Path.Combine(_folder, "listen.jsonl");

        var listening = Shell.Start($"exec \"$HAN\" listen --format json {bridge.Address} > '{output}'", _folder);
        await bridge.DropMidFrameAndComeBackWithOneListAsync();
        var printed = await PrintedLines.WaitForAsync(output, 4, timeoutSeconds: 10);
        listening.Signal("INT");
        await listening.Completion;

        var readings = printed.Where(line => line.TryGetProperty("list_version", out _)).Select(line => line.GetProperty("list_version").GetString());
        Assert.Equal(["KFM_001", "Kamstrup_V0001"], readings);
        var problems = printed.Where(line => line.TryGetProperty("error", out _)).ToList();
        Assert.Equal(RealFrames.KaifaList3.Length, problems[0].GetProperty("offset").GetInt64()); // where the cut list began
        Assert.Equal(20, problems.Sum(problem => ProblemBytes(problem))); // all of it, and nothing of the next list
    }

    [Fact]
    public async Task Listen_CtrlCWhileAFrameIsHalfIn_ReportsItSoEveryByteIsAccountedFor()
    {
        using var bridge = new ScriptedBridge();
        var output = Path.Combine(_folder, "listen.jsonl");

        var capture = Path.Combine(_folder, "listen.han");
        byte[] sent = [.. RealFrames.KaifaList3, .. RealFrames.KamstrupList2[..50]];

        // The capture tells when han has the half frame too: it records each piece before decoding it.
        var listening = Shell.Start($"exec \"$HAN\" listen --format json --record '{capture}' {bridge.Address} > '{output}'", _folder);
        await bridge.ServeAndHoldAsync(sent);
        await PrintedLines.WaitForAsync(output, 1);
        await Live.SimulatedMeter.WaitUntilRecordedAsync(capture, sent);
        listening.Signal("INT");
        var result = await listening.Completion;

        var printed = PrintedLines.Read(output);
        var problems = printed.Where(line => line.TryGetProperty("error", out _)).ToList();
        Assert.NotEmpty(problems);
        Assert.Equal("truncated", problems[0].GetProperty("error").GetString());
        Assert.Equal(RealFrames.KaifaList3.Length, problems[0].GetProperty("offset").GetInt64());
        Assert.Equal(50, problems.Sum(problem => ProblemBytes(problem)));
        Assert.Contains("han listen: stopped by Ctrl-C (SIGINT)", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listen_DeviceThatDoesNotExist_SaysSoAndWhatExists()
    {
        var result = await Shell.Run("\"$HAN\" listen --baud 2400 /dev/ttyHAN-not-here", _folder);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("han listen: /dev/ttyHAN-not-here: /dev/ttyHAN-not-here does not exist; ", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public async Task Listen_DeviceThisUserMayNotOpen_NamesTheGroupAndTheCommandToJoinIt()
    {
        using var pair = new PseudoTerminalPair();
        var device = new FileInfo(pair.ReaderEnd).ResolveLinkTarget(returnFinalTarget: true)!.FullName;
        File.SetUnixFileMode(device, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var asOther = Shell.IsRoot ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : string.Empty;
        File.SetUnixFileMode(_folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        var result = await Shell.Run($"{asOther}\"$HAN\" listen --baud 2400 '{device}'", _folder);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"permission denied for {device}: serial devices belong to the group dialout", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("sudo usermod -aG dialout $USER", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mqtt://han:secret@broker:0/han/raw", "'mqtt://han:***@broker:0/han/raw' has no valid HOST[:PORT]")]
    [InlineData("tcp://pi", "'tcp://pi' is not a TCP source; write tcp://HOST:PORT")]
    [InlineData("ftp://x", "'ftp://' is not a source han reads")]
    public async Task Listen_SourceItCannotRead_SaysWhatWouldBeValid(string source, string expected)
    {
        var result = await HanRunner.Run("listen", source);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listen_File_DecodesItAndEndsWithTheSummary()
    {
        var result = await HanRunner.Run("listen", Path.Combine(Vectors.RepositoryRoot(), "samples", "kamstrup-no-list2.hex"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("2 readings from 2 frames and 2 APDUs; 0 problems; 530 bytes read, 0 skipped", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--parity", "even", "--parity, --data-bits and --stop-bits need a speed")]
    [InlineData("--baud", "2401", "--baud: '2401' is not a standard speed")]
    public async Task Listen_SerialOptionsThatDoNotMakeASetting_AreRefusedWithWhatWouldBeValid(string option, string value, string expected)
    {
        var result = await HanRunner.Run("listen", option, value, "/dev/ttyUSB0");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>How many bytes a problem line gives up: its flag, or the run of skipped bytes its detail counts.</summary>
    private static int ProblemBytes(JsonElement problem) =>
        problem.GetProperty("error").GetString() == "skipped_bytes"
            ? int.Parse(problem.GetProperty("detail").GetString()!.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)
            : 1;
}
