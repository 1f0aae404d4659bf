using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Han.TestCorpus;

namespace Han.Cli.Tests;

/// <summary>A han capture is an input like any other: decode, diagnose and listen read it with its recorded receive times.</summary>
public sealed class CaptureInputTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("han-test-").FullName;

    /// <summary>The Kamstrup list in two pieces, the Aidon list in one: the readings' times are those of the pieces that complete them.</summary>
    private readonly string _capture;

    public CaptureInputTests()
    {
        var kamstrup = RealFrames.KamstrupList2;
        _capture = Write("meter.txt", $"""
            # han capture 1
            # 2026-12-01T20:00:00.000Z recording /dev/ttyUSB0 (2400 8E1)
            2026-12-01T20:00:00.100Z {Convert.ToHexString(kamstrup.AsSpan(0, 100))}
            2026-12-01T20:00:00.350Z {Convert.ToHexString(kamstrup.AsSpan(100))}
            2026-12-01T20:00:10.125Z {Convert.ToHexString(RealFrames.AidonList3)}

            """);
    }

    [Fact]
    public async Task Decode_CaptureWhateverItsName_ReadingsCarryTheRecordedReceiveTimes()
    {
        var result = await HanRunner.Run("decode", "--format", "json", _capture);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Errors);
        Assert.Equal(["2026-12-01T20:00:00.350Z", "2026-12-01T20:00:10.125Z"], result.Readings.Select(reading => reading.GetProperty("received").GetString()));
    }

    [Theory]
    [InlineData("text", "received 2026-12-01T20:00:10.125Z")]
    [InlineData("fields", "received = 2026-12-01T20:00:10.125Z")]
    public async Task Decode_CaptureInAReadableFormat_ShowsTheRecordedReceiveTime(string format, string expected)
    {
        var result = await HanRunner.Run("decode", "--format", format, _capture);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(expected, result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decode_CaptureFromStandardInput_IsRecognisedToo()
    {
        var result = await HanRunner.Run(File.ReadAllBytes(_capture), "decode", "--format", "json", "-");

        Assert.Equal("2026-12-01T20:00:00.350Z", result.Readings[0].GetProperty("received").GetString());
    }

    [Fact]
    public async Task Decode_CaptureWithADamagedLine_DecodesEveryPieceBeforeItThenNamesTheLine()
    {
        var aidon = RealFrames.AidonList3;
        var damaged = Write("damaged.han", $"""
            # han capture 1
            2026-12-01T20:00:00.100Z {Convert.ToHexString(RealFrames.KamstrupList2)}
            2026-12-01T20:00:10.000Z {Convert.ToHexString(aidon.AsSpan(0, 30))}
            2026-12-01T20:00:10.050Z {Convert.ToHexString(aidon.AsSpan(30))}0
            2026-12-01T20:00:20.000Z {Convert.ToHexString(RealFrames.KamstrupList2)}

            """);

        var result = await HanRunner.Run("decode", "--format", "json", damaged);

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Readings);
        // The start of the Aidon list, held when the damaged line came, is not lost: it is decoded as the input's end.
        // Its flag starts a frame that the input ends inside, and its other 29 bytes are counted as skipped.
        Assert.Equal(
            [("truncated", RealFrames.KamstrupList2.Length), ("skipped_bytes", RealFrames.KamstrupList2.Length + 1)],
            result.Errors.Select(error => (error.GetProperty("error").GetString(), error.GetProperty("offset").GetInt32())));
        Assert.Equal("29 bytes outside any frame", result.Errors[1].GetProperty("detail").GetString());
        Assert.Contains($"han decode: {damaged}: capture, line 4: the bytes after the receive time are not an even number of hex digits", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_Capture_FindsTheMetersAndItsBundleKeepsTheRecordedTimes()
    {
        var bundle = Path.Combine(_folder, "bundle.zip");

        var result = await HanRunner.Run("diagnose", "--bundle", bundle, _capture);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("2 readings", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("[PROBLEM]", result.Stdout, StringComparison.Ordinal);
        using var zip = ZipFile.OpenRead(bundle);
        var decoded = zip.Entries.Single(entry => entry.Name.EndsWith(".jsonl", StringComparison.Ordinal));
        using var lines = new StreamReader(decoded.Open());
        var first = JsonDocument.Parse(lines.ReadLine()!).RootElement;
        Assert.Equal("2026-12-01T20:00:00.350Z", first.GetProperty("received").GetString());
    }

    [Fact]
    public async Task Listen_Capture_GivesTheRecordedTimesNotTheTimeOfReading()
    {
        var result = await HanRunner.Run("listen", "--format", "json", _capture);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["2026-12-01T20:00:00.350Z", "2026-12-01T20:00:10.125Z"], result.Readings.Select(reading => reading.GetProperty("received").GetString()));
    }

    [Fact]
    public async Task Record_FromACapture_CopiesItsPiecesWithTheirTimes()
    {
        var copy = Path.Combine(_folder, "copy.han");

        var recorded = await HanRunner.Run("record", _capture, "--output", copy);
        var decoded = await HanRunner.Run("decode", "--format", "json", copy);

        Assert.Equal(0, recorded.ExitCode);
        Assert.Equal(["2026-12-01T20:00:00.350Z", "2026-12-01T20:00:10.125Z"], decoded.Readings.Select(reading => reading.GetProperty("received").GetString()));
    }

    [Theory]
    [InlineData("decode")]
    [InlineData("listen")]
    public async Task Read_SessionThatEndedMidFrame_DoesNotHoldBackTheNextSessionsLists(string command)
    {
        // The first recording was stopped 20 bytes into Aidon's 396-byte list; the next one brings two
        // whole Kamstrup lists of 228 bytes each: together more than the cut list lacked.
        var kamstrup = Convert.ToHexString(RealFrames.KamstrupList2);
        var capture = Write("sessions.han", $"""
            # han capture 1
            # 2026-12-01T20:00:00.000Z recording /dev/ttyUSB0 (2400 8E1)
            2026-12-01T20:00:00.100Z {Convert.ToHexString(RealFrames.KaifaList3)}
            2026-12-01T20:00:02.500Z {Convert.ToHexString(RealFrames.AidonList3.AsSpan(0, 20))}
            # 2026-12-01T21:00:00.000Z recording /dev/ttyUSB0 (2400 8E1)
            2026-12-01T21:00:00.100Z {kamstrup}
            2026-12-01T21:00:10.100Z {kamstrup}

            """);

        var result = await HanRunner.Run(command, "--format", "json", capture);

        Assert.Equal(["2026-12-01T20:00:00.100Z", "2026-12-01T21:00:00.100Z", "2026-12-01T21:00:10.100Z"], result.Readings.Select(reading => reading.GetProperty("received").GetString()));
        Assert.Equal(RealFrames.KaifaList3.Length, result.Errors[0].GetProperty("offset").GetInt32()); // the cut list, reported
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }
}
