using Han.TestCorpus;

namespace Han.Cli.Tests;

/// <summary>
/// Real captures pasted in the forms people paste hex in (tool output, forum lists, C arrays, Windows
/// text files) decode end to end to the values their sources state; text that is not hex, and dumps
/// that would swap bytes, are refused with the reason (issue 7, points 8 and 9).
/// </summary>
public sealed class HexFormsTests
{
    /// <summary>An HDLC list, a P1 telegram, and an encrypted M-Bus frame (with its key).</summary>
    private static readonly string[] Captures = ["roarfred-kamstrup-list1-3ph-2017-10-20", "dsmr-nl-v50-two-mbus", "austria-evn-doc-kaifa-ma309"];

    public static IEnumerable<object[]> FormsOfCaptures() => HexForms.Pairs(Captures).Select(pair => new object[] { pair.Form, pair.CaptureId });

    [Theory]
    [MemberData(nameof(FormsOfCaptures))]
    public async Task DecodeJson_CaptureInAPastedForm_PrintsTheStatedValues(string form, string id)
    {
        var vector = Vectors.ById(id);
        List<string> args = ["decode", "--format", "json", "--country", vector.Country, HanRunner.TempFile(HexForms.Write(form, vector.Input))];
        if (vector.KeyHex is { } key)
        {
            args.AddRange(["--key", key]);
        }

        var result = await HanRunner.Run([.. args]);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Stderr);
        Assert.Equal(vector.ExpectReadings, result.Readings.Count);
        var mismatches = ExpectedValues.Mismatches(vector, result.Readings[^1]);
        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    [Fact]
    public async Task Decode_TextThatIsNotHex_SaysWhyAndDecodesNothing()
    {
        var path = HanRunner.TempFile("The meter is a Kamstrup Omnipower; it sends 7E A0 E2 ... every 10 s\n"u8.ToArray());

        var result = await HanRunner.Run("decode", "--format", "json", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.JsonLines);
        Assert.Equal($"han decode: {path}: this looks like text, not hex, because line 1, column 1: 'T' is not a hex digit or a separator (space, line break, ',', ';', ':' or '-')\n", result.Stderr.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Decode_PlainHexdumpOfAFrame_IsRefusedWithTheCommandToUse()
    {
        var dump = HexForms.Tool(Vectors.ById("roarfred-kamstrup-list1-3ph-2017-10-20").Input, "hexdump");

        var result = await HanRunner.Run("decode", "--format", "json", HanRunner.TempFile(dump));

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Readings);
        Assert.Contains("16-bit words", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("'hexdump -C' or 'xxd'", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decode_SpacedHexOfEightBytesALine_DecodesTheReadingsNotADump()
    {
        // xxd -r -p samples/aidon-no-list3.hex | xxd -p -c8 | sed 's/../& /g' was read as a dump and refused.
        var capture = RepositoryCaptures.All.Single(capture => capture.Id == "samples/aidon-no-list3.hex").Bytes;

        var result = await HanRunner.Run("decode", "--format", "json", HanRunner.TempFile(HexForms.Spaced(capture, "\n", System.Text.Encoding.ASCII, perLine: 8)));

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Stderr);
        Assert.Equal(2, result.Readings.Count);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public async Task Decode_XxdOfLittleEndianWords_IsRefusedNotDecodedToOtherBytes()
    {
        // xxd -e of an LLC message once gave "32 bytes outside any frame" and exit code 0.
        var dump = HexForms.Tool(Vectors.ById("amshan-aidon-no-list1").Input, "xxd", "-e");

        var result = await HanRunner.Run("decode", "--format", "json", HanRunner.TempFile(dump));

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.JsonLines);
        Assert.Contains("little-endian word (xxd -e)", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decode_DumpWhoseStarStandsForTerabytes_StopsAtOnceWithTheReason()
    {
        // About 100 bytes that once had han write zeros for ever.
        var path = HanRunner.TempFile("00000000  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|\n*\n0000ffffffff0000\n"u8.ToArray());

        var result = await HanRunner.Run("decode", "--format", "json", path).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("hex dump, line 3, column 1: the '*' on line 2 would repeat the line before", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("more than the 64 MiB the '*' lines of one text may stand for: check the offset after it", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UTF-16 LE with BOM (PowerShell)")]
    [InlineData("UTF-16 LE")]
    public async Task Diagnose_Utf16HexTextOfARealCapture_DecodesItAndSaysNothingOfTheLineSpeed(string form)
    {
        // UTF-16 puts a 00 after every character: read as bytes, half the input would look like a wrong speed.
        var capture = Vectors.ById("roarfred-kamstrup-list1-3ph-2017-10-20").Input;

        var result = await HanRunner.Run("diagnose", "--no-bundle", HanRunner.TempFile(HexForms.Write(form, capture)));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"What arrived: {capture.Length} bytes, a stream of HDLC frames", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 readings decode from it", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("speed", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("[PROBLEM]", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_TextThatIsNotHex_GivesTheReasonAndNoDiagnosisOrBundle()
    {
        var path = HanRunner.TempFile("Meter: Kamstrup Omnipower\n7E A0 E2 2B\n"u8.ToArray());
        var bundle = Path.Combine(Path.GetTempPath(), "han-test-" + Guid.NewGuid().ToString("N") + ".zip");

        var result = await HanRunner.Run("diagnose", "--bundle", bundle, path);

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.StartsWith($"han diagnose: {path}: this looks like text, not hex, because line 1, column 1: 'M' is not a hex digit", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(bundle));
    }
}
