using System.Diagnostics;
using System.Text;
using Han.Cli.Io;
using Han.TestCorpus;
using Han.TestCorpus.Clocks;

namespace Han.Cli.Tests;

/// <summary><c>han replay</c>: what it plays, at what pace (on a clock that jumps instead of waiting), and its refusals.</summary>
public sealed class ReplayCommandTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2027, 1, 5, 12, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("han-test-").FullName;

    /// <summary>A minute of recording: the Kamstrup list in two pieces, the Aidon list a minute after its start.</summary>
    private readonly string _capture;

    public ReplayCommandTests()
    {
        var kamstrup = RealFrames.KamstrupList2;
        _capture = Write("minute.han", $"""
            # han capture 1
            # 2026-12-01T20:00:00.000Z recording tcp://pi:3001
            2026-12-01T20:00:00.000Z {Convert.ToHexString(kamstrup.AsSpan(0, 100))}
            2026-12-01T20:00:00.400Z {Convert.ToHexString(kamstrup.AsSpan(100))}
            2026-12-01T20:01:00.000Z {Convert.ToHexString(RealFrames.AidonList3)}

            """);
    }

    private static byte[] Recorded => [.. RealFrames.KamstrupList2, .. RealFrames.AidonList3];

    [Theory]
    [InlineData("1", 60)]
    [InlineData("10", 6)]
    [InlineData("0.5", 120)]
    public async Task Replay_CaptureOfAMinute_TakesAMinuteDividedByTheSpeed(string speed, double seconds)
    {
        var clock = new JumpingClock(Now);

        var result = await HanRunner.RunBytes(clock, "replay", _capture, "--speed", speed);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Recorded, result.Stdout);
        // Task.Delay keeps whole milliseconds, so the last piece may leave up to 1 ms early.
        Assert.InRange(clock.Elapsed.TotalSeconds, seconds - 0.001, seconds);
        Assert.Contains($"han replay: done: {Recorded.Length} bytes in 3 pieces", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_AtMaxSpeed_WaitsForNothing()
    {
        var clock = new JumpingClock(Now);

        var result = await HanRunner.RunBytes(clock, "replay", _capture, "--speed", "max");

        Assert.Equal(Recorded, result.Stdout);
        Assert.Equal(TimeSpan.Zero, clock.Elapsed);
        Assert.Contains("a han capture, played without waiting", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_HexFileWithoutTimes_PlaysItsBytesAtTheLineSpeedOfAHanPort()
    {
        var clock = new JumpingClock(Now);
        var hex = Path.Combine(Vectors.RepositoryRoot(), "samples", "kamstrup-no-list2.hex");
        var bytes = (await HanRunner.RunBytes(clock, "replay", hex, "--speed", "max")).Stdout;

        var result = await HanRunner.RunBytes(clock, "replay", hex);

        Assert.Equal(530, bytes.Length);
        Assert.Equal(bytes, result.Stdout);
        // 530 bytes of 11 bits at 2400 bit/s.
        Assert.InRange(clock.Elapsed.TotalSeconds, (530 * 11 / 2400.0) - 0.001, 530 * 11 / 2400.0);
        Assert.Contains("bytes without receive times, played at the line speed of a HAN port (2400 baud, 11 bits a byte)", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_DamagedLine_PlaysEverythingBeforeItThenNamesTheLine()
    {
        var damaged = Write("damaged.han", $"# han capture 1\n2026-12-01T20:00:00Z {Convert.ToHexString(RealFrames.KamstrupList2)}\n2026-12-01T20:00:01Z 7EA\n");

        var result = await HanRunner.RunBytes(new JumpingClock(Now), "replay", damaged);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(RealFrames.KamstrupList2, result.Stdout);
        Assert.Contains($"han replay: {damaged}: capture, line 3: the bytes after the receive time are not an even number of hex digits", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--speed", "0", "--speed: '0' is not a speed; use a number above 0")]
    [InlineData("--speed", "fast", "or max (no waiting)")]
    [InlineData("--serve", "127.0.0.1:3001", "--serve: '127.0.0.1:3001' is not an address to listen on; expected tcp://HOST:PORT")]
    public async Task Replay_OptionThatIsNotValid_SaysTheOptionTheValueAndWhatIsValid(string option, string value, string expected)
    {
        var result = await HanRunner.Run("replay", _capture, option, value);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_MistypedOptionWhereTheFileGoes_SuggestsTheNearestOption()
    {
        var result = await HanRunner.Run("replay", "--sped");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("unknown option --sped (did you mean --speed?)", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_LoopFromStandardInput_IsRefusedBecauseItCannotBeReadTwice()
    {
        var result = await HanRunner.Run(File.ReadAllBytes(_capture), "replay", "-", "--loop");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--loop plays the recording again from its start, and standard input cannot be read twice; give a file.", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_FromStandardInput_PlaysIt()
    {
        using var stdout = new MemoryStream();
        var streams = new StandardStreams(() => new MemoryStream(File.ReadAllBytes(_capture)), stdout, new StringWriter());

        var exitCode = await Program.Run(["replay", "-", "--speed", "max"], streams, new JumpingClock(Now));

        Assert.Equal(0, exitCode);
        Assert.Equal(Recorded, stdout.ToArray());
    }

    [Fact]
    public async Task Replay_MissingFile_SaysSoBeforeServingAnything()
    {
        var result = await HanRunner.Run("replay", Path.Combine(_folder, "nothing.han"), "--serve", "tcp://127.0.0.1:0");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("nothing.han: Could not find file", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("serving on", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_ToATerminal_IsRefusedWithWhatToDoInstead()
    {
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        var streams = new StandardStreams(() => Stream.Null, stdout, stderr, outputIsTerminal: true);

        var exitCode = await Program.Run(["replay", _capture], streams, new JumpingClock(Now));

        Assert.Equal(1, exitCode);
        Assert.Equal(0, stdout.Length);
        Assert.Contains("han replay: standard output is a terminal, where meter bytes would be noise; pipe them (han replay FILE | han decode -), or give --serve tcp://HOST:PORT", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_Help_DocumentsTheContract()
    {
        var result = await HanRunner.Run("replay", "--help");

        foreach (var text in new[] { "<FILE>", "--speed", "max", "--serve", "tcp://HOST:PORT", "--loop", "recorded pace", "2400 baud" })
        {
            Assert.Contains(text, result.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Replay_AtSpeed10AsAProcess_TakesAtLeastATenthOfTheRecording()
    {
        var watch = Stopwatch.StartNew();

        var result = await Shell.Run($"\"$HAN\" replay '{_capture}' --speed 10 > played.bin", _folder);

        Assert.Equal(0, result.ExitCode);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(6), $"a minute at 10 times its pace took {watch.Elapsed}");
        Assert.Equal(Recorded, File.ReadAllBytes(Path.Combine(_folder, "played.bin")));
    }

    [Fact]
    public async Task Replay_LoopUntilSigterm_PlaysWholeRoundsAgainAndStopsCleanly()
    {
        var kamstrup = RealFrames.KamstrupList2;
        var round = Write("round.han", $"# han capture 1\n2026-12-01T20:00:00.000Z {Convert.ToHexString(kamstrup)}\n2026-12-01T20:00:00.300Z {Convert.ToHexString(kamstrup)}\n");

        // Stopped once three rounds are out, however long han took to start (SIGTERM: a background job of a script ignores SIGINT).
        var result = await Shell.Run($"""
            "$HAN" replay '{round}' --loop > played.bin & replay=$!
            until [ $(stat -c %s played.bin) -ge {6 * kamstrup.Length} ] || ! kill -0 $replay 2> /dev/null; do sleep 0.05; done
            kill -TERM $replay; wait $replay; echo "exit $?"
            """, _folder);

        var played = File.ReadAllBytes(Path.Combine(_folder, "played.bin"));
        Assert.Equal("exit 143", result.Stdout.Trim());
        Assert.Contains("han replay: stopped by SIGTERM", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, played.Length % kamstrup.Length);
        Assert.True(played.Length / kamstrup.Length >= 6, $"three rounds of two lists: {played.Length / kamstrup.Length} lists");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }
}
