using System.Globalization;

namespace Han.Cli.Tests.Live;

/// <summary>
/// A <c>han simulate</c> run as the live tests use it: a meter, its clock's start, how much meter time, a
/// seed and faults fix its bytes, which <see cref="SentBytesAsync"/> gets again at full speed to compare
/// with what han received; <see cref="CommandLine"/> runs it in real time, sped up, into a pseudo-terminal.
/// </summary>
internal sealed record SimulatedMeter(string Meter, string Start, string Duration, int Seed, string? Faults = null)
{
    private IEnumerable<string> Options =>
        ["--meter", Meter, "--start", Start, "--duration", Duration, "--seed", Seed.ToString(CultureInfo.InvariantCulture), .. Faults is null ? Array.Empty<string>() : ["--faults", Faults]];

    /// <summary>The bash command line that writes the meter to <paramref name="pty"/> at <paramref name="speed"/> times real time, logging to <paramref name="log"/>.</summary>
    public string CommandLine(string pty, int speed, string log) =>
        $"\"$HAN\" simulate {string.Join(' ', Options)} --speed {speed} --pty '{pty}' --log '{log}'";

    /// <summary>Every byte the meter sends (the same seed and options give the same bytes at any speed).</summary>
    public async Task<byte[]> SentBytesAsync()
    {
        var run = await SimulateCommandTests.RunAsync(["simulate", .. Options, "--speed", "max"]);
        Assert.Equal(0, run.ExitCode);
        return run.Stdout;
    }

    /// <summary>
    /// Waits until han's capture holds the last bytes the meter sent (han decodes a piece right after
    /// recording it), or gives up after <paramref name="timeoutSeconds"/>: the comparison then says what is missing.
    /// </summary>
    public static async Task WaitUntilRecordedAsync(string capture, byte[] sent, int timeoutSeconds = 30)
    {
        var tail = sent.AsSpan(Math.Max(0, sent.Length - 16)).ToArray();
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (CaptureConnections.Read(capture).SelectMany(bytes => bytes).ToArray().AsSpan().EndsWith(tail))
                {
                    return;
                }
            }
            catch (Exception notYet) when (notYet is IOException or FormatException or Xunit.Sdk.XunitException)
            {
                // Not written yet, or a line caught half written.
            }

            await Task.Delay(100);
        }
    }
}
