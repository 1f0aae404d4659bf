using Han.Sources.Captures;
using Han.TestCorpus;

namespace Han.Cli.Tests;

/// <summary><c>han record</c>: captures with receive times, raw files, and never a file it should not write over.</summary>
public sealed class RecordCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("han-test-").FullName;

    [Fact]
    public async Task Record_TcpBridgeForADuration_WritesEveryPieceWithItsTimeAndWhatTheBridgeDid()
    {
        using var bridge = new ScriptedBridge();
        var capture = Path.Combine(_folder, "session.han");

        var recording = Shell.Run($"\"$HAN\" record {bridge.Address} --output '{capture}' --duration 3s", _folder);
        await bridge.ServeAndCloseAsync(RealFrames.KamstrupList2, RealFrames.AidonList3);
        var result = await recording;

        Assert.Equal(0, result.ExitCode);
        await using var file = File.OpenRead(capture);
        var bytes = new List<byte>();
        await foreach (var chunk in CaptureReader.ReadAsync(file, CancellationToken.None))
        {
            bytes.AddRange(chunk.Bytes.ToArray());
        }

        Assert.Equal([.. RealFrames.KamstrupList2, .. RealFrames.AidonList3], bytes);
        Assert.Contains(File.ReadLines(capture), line => line.StartsWith("# ", StringComparison.Ordinal) && line.Contains("the bridge closed the connection", StringComparison.Ordinal));
        Assert.Contains($"han record: {bytes.Count} bytes in ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_Raw_WritesTheBytesAndRefusesToWriteOverThemLater()
    {
        var input = HanRunner.TempFile(RealFrames.KamstrupList2);
        var output = Path.Combine(_folder, "raw.bin");

        var first = await HanRunner.Run("record", input, "--output", output, "--raw");
        var second = await HanRunner.Run("record", input, "--output", output, "--raw");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(RealFrames.KamstrupList2, File.ReadAllBytes(output));
        Assert.Equal(1, second.ExitCode);
        Assert.Contains($"{output} exists; han writes raw bytes only to a new file", second.Stderr, StringComparison.Ordinal);
        Assert.Equal(RealFrames.KamstrupList2, File.ReadAllBytes(output));
    }

    [Fact]
    public async Task Record_OutputIsAFileThatIsNotACapture_IsRefusedAndLeftAsItWas()
    {
        var capture = Path.Combine(_folder, "capture.hex");
        File.WriteAllText(capture, "7E A0 E2");

        var result = await HanRunner.Run("record", HanRunner.TempFile(RealFrames.KamstrupList2), "--output", capture);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("exists and is not a han capture, so han will not write into it", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("7E A0 E2", File.ReadAllText(capture));
    }

    [Theory]
    [InlineData("10", "--duration: '10' is not a duration; use a number and a unit, e.g. 90s, 15m, 2h, 1d, 1w or 1h30m")]
    [InlineData("0s", "--duration: '0s' is not a duration")]
    public async Task Record_DurationThatIsNotOne_SaysHowToWriteIt(string duration, string expected)
    {
        var result = await HanRunner.Run("record", "tcp://127.0.0.1:1", "--output", Path.Combine(_folder, "x.han"), "--duration", duration);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
