using System.Text;
using System.Text.Json;
using Han.Cli.Io;
using Han.Cli.Tests.Live;

namespace Han.Cli.Tests;

/// <summary><c>han simulate</c> to standard output, read by <c>han decode</c>; its options and their errors.</summary>
public sealed class SimulateCommandTests
{
    /// <summary>Winter, a full hour on the meter's clock (Norwegian wall time).</summary>
    internal const string Start = "2025-01-15T10:00";

    [Theory]
    [InlineData("aidon", 1440)] // list 1, 2 or 3 every 2.5 s
    [InlineData("kaifa", 1800)] // every 2 s
    [InlineData("kamstrup", 361)] // every 10 s, and the hourly list at 10:00:05
    public async Task Simulate_AnHourAtFullSpeed_DecodesToTheExpectedNumberOfReadings(string meter, int readings)
    {
        var simulated = await RunAsync("simulate", "--meter", meter, "--speed", "max", "--duration", "1h", "--start", Start, "--seed", "3");

        var decoded = await HanRunner.Run(simulated.Stdout, "decode", "--format", "json", "-");

        Assert.Equal(0, simulated.ExitCode);
        Assert.Equal(0, decoded.ExitCode);
        Assert.Empty(decoded.Errors);
        Assert.Equal(readings, decoded.Readings.Count);
        Assert.Contains($"done: {readings} lists due, {readings} sent intact, {simulated.Stdout.Length} bytes", simulated.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_PipedIntoDecodeAsProcesses_GivesAReadingForEveryList()
    {
        var folder = Directory.CreateTempSubdirectory("han-simulate-").FullName;
        try
        {
            var result = await Shell.Run($"\"$HAN\" simulate --speed max --duration 1h --start {Start} --seed 5 | \"$HAN\" decode --format json - | grep -c meter_manufacturer", folder);

            Assert.Equal("1440", result.Stdout.Trim());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Simulate_SameSeed_SameBytes_OtherSeed_Others()
    {
        string[] args = ["simulate", "--meter", "kaifa", "--speed", "max", "--duration", "10m", "--start", Start, "--faults", "all:0.05", "--solar", "5"];

        var first = await RunAsync([.. args, "--seed", "11"]);
        var second = await RunAsync([.. args, "--seed", "11"]);
        var other = await RunAsync([.. args, "--seed", "12"]);

        Assert.Equal(first.Stdout, second.Stdout);
        Assert.NotEqual(first.Stdout, other.Stdout);
    }

    [Fact]
    public async Task Simulate_WithLog_LogsEveryListAsTheDecoderReadsIt()
    {
        var log = Path.Combine(Directory.CreateTempSubdirectory("han-simulate-").FullName, "sent.jsonl");
        try
        {
            var simulated = await RunAsync("simulate", "--meter", "kamstrup", "--speed", "max", "--duration", "30m", "--start", Start, "--seed", "2", "--faults", "bad-crc:0.1", "--log", log);
            var decoded = await HanRunner.Run(simulated.Stdout, "decode", "--format", "json", "-");

            var lists = SentList.ReadLog(log);
            Assert.Equal(181, lists.Count);
            var intact = lists.Where(list => list.Intact).ToList();
            Assert.Equal(intact.Count, decoded.Readings.Count);
            Assert.Equal(lists.Count - intact.Count, lists.Count(list => list.Fault == "bad-crc"));
            Assert.Equal(lists.Count - intact.Count, decoded.Errors.Count(error => error.GetProperty("error").GetString() == "bad_fcs"));
            foreach (var (sent, read) in intact.Zip(decoded.Readings))
            {
                SentReading.AssertSame(sent.Reading, read, sent.ToString());
            }
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(log)!, recursive: true);
        }
    }

    [Theory]
    [InlineData("--meter", "elster", "--meter: 'elster' is not a meter; use aidon, kaifa, kamstrup, landisgyr.")]
    [InlineData("--phases", "2", "--phases: '2' is not a number of phases; use 1 or 3.")]
    [InlineData("--grid", "tt", "--grid: 'tt' is not a grid; use tn or it.")]
    [InlineData("--speed", "0", "--speed: '0' is not a speed; use a number above 0")]
    [InlineData("--start", "yesterday", "--start: 'yesterday' is not a time; use ISO 8601")]
    [InlineData("--start", "2025-03-30T02:30", "--start: 2025-03-30T02:30 does not exist in Norway")]
    [InlineData("--seed", "-1", "--seed: '-1' is not a seed; use a whole number from 0")]
    [InlineData("--duration", "1 hour", "--duration: '1 hour' is not a duration; use a number and a unit, e.g. 90s")]
    [InlineData("--faults", "bit-rot", "--faults: 'bit-rot' is not a fault; expected a comma-separated list of bad-crc")]
    [InlineData("--faults", "bad-crc:2", "--faults: '2' is not a rate for bad-crc; use a fraction from 0 to 1 or a percentage")]
    [InlineData("--solar", "-3", "--solar: '-3' is not a peak power; use kilowatts from 0 to 1000")]
    [InlineData("--serve", "localhost:3001", "--serve: 'localhost:3001' is not an address to listen on; expected tcp://HOST:PORT")]
    [InlineData("--key", "0011", "--key has 4 hex digits; expected 32")]
    public async Task Simulate_BadValue_NamesTheOptionTheValueAndWhatIsValid(string option, string value, string message)
    {
        var result = await RunAsync("simulate", option, value);

        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain((byte)0x7E, result.Stdout); // the parser's usage text, no meter bytes
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_ServeAndPty_AreRefusedTogether()
    {
        var result = await RunAsync("simulate", "--serve", "tcp://127.0.0.1:0", "--pty", "/dev/null");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--serve and --pty are two places to send to; give one of them", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_ToATerminal_IsRefusedWithWhatToDoInstead()
    {
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        var streams = new StandardStreams(() => Stream.Null, stdout, stderr, outputIsTerminal: true);

        var exitCode = await Program.Run(["simulate", "--duration", "10s"], streams, TimeProvider.System);

        Assert.Equal(1, exitCode);
        Assert.Equal(0, stdout.Length);
        Assert.Contains("standard output is a terminal", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("--serve tcp://HOST:PORT or --pty PATH", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_Help_DocumentsEveryOption()
    {
        var result = await HanRunner.Run("simulate", "--help");

        foreach (var option in new[] { "--meter", "--phases", "--grid", "--speed", "--start", "--seed", "--duration", "--faults", "--solar", "--key", "--auth-key", "--serve", "--pty", "--log" })
        {
            Assert.Contains(option, result.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Simulate_CtrlC_StopsCleanlyWithWhatWasSent()
    {
        var folder = Directory.CreateTempSubdirectory("han-simulate-").FullName;
        try
        {
            // The Ctrl-C (one SIGINT to han alone) once the log says eleven lists went out, however slowly
            // han starts on a loaded machine: a fixed time could pass before the first.
            var simulating = Shell.Start("exec \"$HAN\" simulate --speed 60 --seed 1 --log sent.jsonl > out.bin", folder);
            await PrintedLines.WaitForAsync(Path.Combine(folder, "sent.jsonl"), 11);
            simulating.Signal("INT");
            var result = await simulating.Completion;
            // Every reading is one JSON line; not every one names the maker: the first lists before the
            // 10-second list (which tells the decoder the vendor) print their values alone.
            var decoded = await Shell.Run("\"$HAN\" decode --format json out.bin | grep -c '^{'", folder);

            Assert.Equal(130, result.ExitCode);
            Assert.True(int.Parse(decoded.Stdout.Trim(), System.Globalization.CultureInfo.InvariantCulture) >= 10, $"eleven lists logged as sent, these decoded: {decoded.Stdout}");
            Assert.True(result.Stderr.Contains("han simulate: stopped by Ctrl-C (SIGINT)", StringComparison.Ordinal), result.Stderr);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Runs han in-process, keeping standard output as bytes (meter bytes are not text).</summary>
    internal static Task<(int ExitCode, byte[] Stdout, string Stderr)> RunAsync(params string[] args) => HanRunner.RunBytes(TimeProvider.System, args);
}
