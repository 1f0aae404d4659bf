using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Han.Cli.Io;
using Han.Cli.Tests.Live;
using Han.TestCorpus;
using Han.TestCorpus.Servers;

namespace Han.Cli.Tests;

/// <summary><c>han diagnose</c> on live sources: a TCP bridge on loopback and a socat pseudo-terminal with the simulator as the meter (issue 8, item 11).</summary>
public sealed class DiagnoseLiveTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("han-test-").FullName;

    [Fact]
    public async Task Diagnose_TcpBridge_ListensForTheDurationAndReportsTheMeterAndHowItListened()
    {
        using var bridge = new FrameBridge([RealFrames.KamstrupList2]);
        var bundle = Path.Combine(_folder, "report.zip");

        var result = await HanRunner.Run("diagnose", bridge.Address, "--duration", "2s", "--bundle", bundle);

        Assert.Equal(0, result.ExitCode);
        // At least the two seconds asked for; a loaded machine may end the watch a little later.
        var listened = Regex.Match(result.Stdout, $@"Listened to {Regex.Escape(bridge.Address)} for (?<seconds>[0-9.]+) s from when it was open \(the --duration\)\.");
        Assert.True(listened.Success, result.Stdout);
        Assert.InRange(decimal.Parse(listened.Groups["seconds"].Value, CultureInfo.InvariantCulture), 2m, 10m);
        Assert.Contains($"after 0.", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($": connected to {bridge.Address}", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("meter: Kamstrup", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("No hourly list came (the one with the energy registers)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"han diagnose: listening to {bridge.Address} for 2 s once it is open", result.Stderr, StringComparison.Ordinal);
        using var zip = ZipFile.OpenRead(bundle);
        Assert.Contains($"source {bridge.Address}", Entry(zip, "versions.txt"), StringComparison.Ordinal);
        var decoded = Entry(zip, "decoded.jsonl").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(decoded.Length >= 5, $"two seconds of a list every 100 ms: {decoded.Length} readings");
        Assert.All(decoded, line => Assert.Contains("\"received\":", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Diagnose_TcpBridgeSendingTheHourlyList_DoesNotSayItIsMissing()
    {
        using var bridge = new FrameBridge([RealFrames.KaifaList3]);

        var result = await HanRunner.Run("diagnose", bridge.Address, "--duration", "1s", "--no-bundle");

        Assert.Contains("meter: Kaifa", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("No hourly list came", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_OnATerminal_KeepsAStatusLineWithWhatHasComeAndTheTimeLeft()
    {
        using var bridge = new FrameBridge([RealFrames.KamstrupList2]);
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        using var terminal = new StringWriter();

        var exitCode = await Program.Run(["diagnose", bridge.Address, "--duration", "2s", "--no-bundle"], new StandardStreams(() => Stream.Null, stdout, stderr, errorTerminal: terminal), TimeProvider.System);

        Assert.Equal(0, exitCode);
        var drawn = terminal.ToString();
        Assert.Contains("\r\u001b[K", drawn, StringComparison.Ordinal);
        Assert.Matches(@"connected · [1-9]\d* readings · [1-9]\d* frames · 0 checksum errors · 0 bytes skipped · last reading [^·]+ ago · [12] s left", drawn);
        Assert.EndsWith("\r\u001b[K", drawn, StringComparison.Ordinal); // gone before the report
    }

    [Fact]
    public async Task Diagnose_BridgeThatNeverAnswers_SaysTheSourceNeverOpenedAndWhy()
    {
        var port = LoopbackPort.Free();

        var result = await HanRunner.Run("diagnose", $"tcp://127.0.0.1:{port}", "--duration", "1s", "--no-bundle");

        Assert.Equal(0, result.ExitCode);
        // The watch ends a moment after its duration (a loaded machine: "1.1 s"), never before it.
        Assert.Matches($@"Listened to tcp://127\.0\.0\.1:{port}: it never opened, in 1(\.\d)? s of trying \(the --duration\)\.", result.Stdout);
        Assert.Contains($"[PROBLEM] The source never opened: cannot connect to tcp://127.0.0.1:{port}: connection refused (is the bridge running and listening on port {port}?).", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("No bytes arrived", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_PseudoTerminalWithoutSettings_FindsTheLineSettingAndReportsIt()
    {
        using var pair = new PseudoTerminalPair();
        var meter = new SimulatedMeter("aidon", "2025-01-15T10:00", "30m", Seed: 5);
        var simulating = Shell.Run(meter.CommandLine(pair.MeterEnd, speed: 10, Path.Combine(_folder, "sent.jsonl")), _folder);

        var result = await Shell.Run($"STATE_DIRECTORY=state \"$HAN\" diagnose '{pair.ReaderEnd}' --duration 2s --bundle report.zip", _folder);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains($"Listened to {pair.ReaderEnd} (2400 8E1) for 2 s from when it was open (the --duration).", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Line setting found by listening: 2400 8E1: HDLC frames with good checksums.", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  tried 2400 8E1: ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("meter: Aidon", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"han diagnose: finding the line setting of {pair.ReaderEnd}", result.Stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_folder, "report.zip")));
        pair.Unplug(); // the simulator ends
        await simulating;
    }

    [Fact]
    public async Task Diagnose_PseudoTerminalStoppedByCtrlC_ReportsWhatCameAndWritesTheBundle()
    {
        using var pair = new PseudoTerminalPair();
        var meter = new SimulatedMeter("kaifa", "2025-01-15T10:00", "30m", Seed: 6);
        var simulating = Shell.Run(meter.CommandLine(pair.MeterEnd, speed: 10, Path.Combine(_folder, "sent.jsonl")), _folder);

        var diagnosing = Shell.Start($"exec \"$HAN\" diagnose '{pair.ReaderEnd}' --baud 2400 --parity even --bundle report.zip", _folder);
        await diagnosing.WaitForErrorAsync($"han diagnose: reading {pair.ReaderEnd} (2400 8E1)");
        // Lists sent after the device was open: diagnose has a meter to report when it is stopped.
        var sentBefore = PrintedLines.Read(Path.Combine(_folder, "sent.jsonl")).Count;
        await PrintedLines.WaitForAsync(Path.Combine(_folder, "sent.jsonl"), sentBefore + 3);
        diagnosing.Signal("INT");
        var result = await diagnosing.Completion;

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Matches($@"Listened to {pair.ReaderEnd} \(2400 8E1\) for [\d.]+ s from when it was open \(stopped by Ctrl-C\)\.", result.Stdout);
        Assert.Contains("Line setting: 2400 8E1, as given.", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("meter: Kaifa", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Bug-report bundle: report.zip", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("stopped by Ctrl-C (SIGINT)", result.Stderr, StringComparison.Ordinal); // not an abort
        pair.Unplug();
        await simulating;
    }

    [Fact]
    public async Task Diagnose_DeviceThatDoesNotExist_SaysSoAndWhatExistsWithoutAReport()
    {
        var result = await HanRunner.Run("diagnose", "/dev/ttyHAN-not-here", "--baud", "2400", "--no-bundle");

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.StartsWith("han diagnose: /dev/ttyHAN-not-here: /dev/ttyHAN-not-here does not exist; ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_DurationForAFile_IsRefusedWithWhy()
    {
        var result = await HanRunner.Run("diagnose", Path.Combine(Vectors.RepositoryRoot(), "samples", "kamstrup-no-list2.hex"), "--duration", "10s");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("han diagnose: --duration is for a serial device, tcp://HOST:PORT or mqtt://HOST/TOPIC, which are listened to; a file or standard input is read to its end, so leave --duration out", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_Help_NamesTheLiveSourcesTheDurationAndTheSerialOptions()
    {
        var result = await HanRunner.Run("diagnose", "--help");

        foreach (var part in new[] { "SOURCE", "tcp://HOST:PORT", "serial device", "--duration", "Default 30 s", "61m", "--baud", "--parity", "--data-bits", "--stop-bits", "--bundle" })
        {
            Assert.Contains(part, result.Stdout, StringComparison.Ordinal);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Entry(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    /// <summary>A bridge on loopback that sends its frames in turn, 100 ms apart, to each client until disposed.</summary>
    private sealed class FrameBridge : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _serving;

        public FrameBridge(byte[][] frames)
        {
            _listener.Start();
            Address = $"tcp://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
            _serving = ServeAsync(frames);
        }

        public string Address { get; }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _serving.Wait();
            _stop.Dispose();
            _listener.Dispose();
        }

        private async Task ServeAsync(byte[][] frames)
        {
            try
            {
                while (true)
                {
                    using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    try
                    {
                        for (var i = 0; ; i++)
                        {
                            await client.GetStream().WriteAsync(frames[i % frames.Length], _stop.Token);
                            await Task.Delay(100, _stop.Token);
                        }
                    }
                    catch (IOException)
                    {
                        // The client went away: wait for the next one.
                    }
                }
            }
            catch (Exception stopped) when (stopped is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // Disposed.
            }
        }
    }
}
