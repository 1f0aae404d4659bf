using System.Text;
using Han.TestCorpus;

namespace Han.Cli.Tests;

/// <summary>The other formats and the command's handling of bad input.</summary>
public sealed class DecodeCommandTests
{
    private static readonly byte[] Kamstrup = Vectors.ById("roarfred-kamstrup-list1-3ph-2017-10-20").Input;

    [Fact]
    public async Task DecodeText_KamstrupFrame_SummarisesTheReading()
    {
        var result = await HanRunner.Run("decode", HanRunner.TempFile(Kamstrup));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Kamstrup 6841121BN243101040, meter 5706567274389702, list Kamstrup_V0001, 2017-10-20T03:43:30", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("P+ 1468 W", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("U 232 V  I 5.64 A", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 readings from 1 frames", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecodeJson_OneNoiseByteBeforeTheKamstrupSample_GivesBothReadings()
    {
        // Issue 7, point 1: (printf '0F\n'; cat samples/kamstrup-no-list2.hex) | han decode - once gave 0 readings.
        var sample = File.ReadAllBytes(Path.Combine(Vectors.RepositoryRoot(), "samples", "kamstrup-no-list2.hex"));
        var clean = await HanRunner.Run(sample, "decode", "--format", "json", "-");

        var result = await HanRunner.Run([.. "0F\n"u8, .. sample], "decode", "--format", "json", "-");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, clean.Readings.Count);
        Assert.Equal(clean.Readings.Select(r => r.GetRawText()), result.Readings.Select(r => r.GetRawText()));
        var noise = Assert.Single(result.Errors);
        Assert.Equal("{\"error\":\"skipped_bytes\",\"layer\":\"hdlc\",\"offset\":0,\"detail\":\"1 byte outside any frame\"}", noise.GetRawText());
    }

    [Fact]
    public async Task DecodeHelp_NamesEveryInputFormatTheDetectorRecognises()
    {
        var result = await HanRunner.Run("decode", "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var format in new[] { "HDLC frames", "M-Bus long frames", "P1 telegrams", "LLC information field", "DLMS APDU", "hex text" })
        {
            Assert.Contains(format, result.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task DecodeFields_KamstrupFrame_PrintsNameValueUnit()
    {
        var result = await HanRunner.Run("decode", "--format", "fields", HanRunner.TempFile(Kamstrup));

        var lines = result.Stdout.Split('\n');
        Assert.Contains("active_power_import = 1468 W", lines);
        Assert.Contains("current_l2 = 2.02 A", lines);
        Assert.Contains("voltage_l3 = 233 V", lines);
        Assert.Contains("meter_id = 5706567274389702", lines);
    }

    [Fact]
    public async Task DecodeHex_KamstrupFrame_ShowsEveryByteOnceWithItsMeaning()
    {
        var result = await HanRunner.Run("decode", "--format", "hex", HanRunner.TempFile(Kamstrup));

        var dumpLines = result.Stdout.Split('\n').Where(l => l.Length > 8 && Uri.IsHexDigit(l[0]) && l[6] == ' ').ToList();
        var bytes = dumpLines.SelectMany(l => l[8..55].Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(h => Convert.ToByte(h, 16)).ToArray();
        Assert.Equal(Kamstrup, bytes);
        var offsets = dumpLines.Select(l => Convert.ToInt32(l[..6], 16)).ToList();
        Assert.Equal(offsets.OrderBy(o => o), offsets);
        foreach (var label in new[] { "flag", "frame format", "destination address", "source address", "control 0x13", "HCS", "LLC", "data-notification", "date-time", "tag 0x0A: visible-string", "length 14 bytes", "value \"Kamstrup_V0001\"", "OBIS 1.1.1.7.0.255", "FCS" })
        {
            Assert.Contains(label, result.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task DecodeTree_KamstrupFrame_ShowsTheCosemStructure()
    {
        var result = await HanRunner.Run("decode", "--format", "tree", HanRunner.TempFile(Kamstrup));

        var lines = result.Stdout.Split('\n');
        Assert.Contains("    structure of 25 members", lines);
        Assert.Contains("      visible-string \"Kamstrup_V0001\"", lines);
        Assert.Contains("      double-long-unsigned 1468", lines);
    }

    [Fact]
    public async Task DecodeHex_EncryptedMBusCapture_ShowsEveryByteAndTheDecryptedApdu()
    {
        var vector = Vectors.ById("austria-evn-doc-kaifa-ma309");

        var result = await HanRunner.Run("decode", "--format", "hex", "--key", vector.KeyHex!, HanRunner.TempFile(vector.Input));

        var frames = result.Stdout.Split("APDU joined from 2 segments:")[0];
        var dumpLines = frames.Split('\n').Where(l => l.Length > 8 && Uri.IsHexDigit(l[0]) && l[6] == ' ').ToList();
        var bytes = dumpLines.SelectMany(l => l[8..Math.Min(l.Length, 55)].Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(h => Convert.ToByte(h, 16)).ToArray();
        Assert.Equal(vector.Input, bytes);
        foreach (var label in new[] { "start 0x68", "length L = 250", "CI 0x00: segment 0, more follow", "CI 0x11: segment 1, the last", "checksum", "stop 0x16", "system title 4B464D6750000009 (manufacturer KFM)", "security control 0x20", "decrypted APDU", "OBIS 1.0.1.8.0.255" })
        {
            Assert.Contains(label, result.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task DecodeTree_WholeFrameAfterAnAbandonedSegment_ShowsItsApduOnceNotAsJoined()
    {
        // A first segment whose continuation never came, then a whole frame: the whole frame's APDU is
        // not "joined from segments", and the abandoned segment is reported.
        byte[] firstSegmentOnly = HdlcFrameBuilder.Push([.. HdlcFrameBuilder.LlcResponse, 0x0F, 0x00, 0x00, 0x00, 0x01], segmented: true);

        var result = await HanRunner.Run("decode", "--format", "tree", HanRunner.TempFile([.. firstSegmentOnly, .. Kamstrup]));

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("APDU joined", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("incomplete_segments", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, result.Stdout.Split("frame at byte").Length - 1);
    }

    [Theory]
    [InlineData("fields", "value [10] = 400")]
    [InlineData("text", "  value [10] = 400")]
    public async Task DecodeTextAndFields_ValueWithoutAName_IsShownByItsPosition(string format, string line)
    {
        // The Austrian E450 list's values 10-12 have no published name (reading-schema.md: "value [index]").
        var vector = Vectors.ById("amsreader-lg-at-lng2-decrypted-annotated");

        var result = await HanRunner.Run("decode", "--format", format, "--country", "AT", HanRunner.TempFile(vector.Input));

        Assert.Contains(line, result.Stdout.Split('\n'));
    }

    [Fact]
    public async Task DecodeTree_P1Telegram_ShowsItsLines()
    {
        var vector = Vectors.ById("dsmr-nl-v50-two-mbus");

        var result = await HanRunner.Run("decode", "--format", "tree", HanRunner.TempFile(vector.Input));

        var lines = result.Stdout.Split('\n');
        Assert.Contains("P1 telegram /ISK5\\2M550T-1012", lines);
        Assert.Contains("  1-3:0.2.8.255 = (50)", lines);
        Assert.Contains(lines, l => l.StartsWith("  end mark and CRC 0x", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DecodeTree_LlcMessage_ShowsTheApdu()
    {
        var vector = Vectors.ById("amshan-aidon-no-list1");

        var result = await HanRunner.Run("decode", "--format", "tree", HanRunner.TempFile(vector.Input));

        Assert.Contains("information field (LLC + APDU, no HDLC frame):", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("array of 1 elements", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("OBIS 1.0.1.7.0.255", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decode_NotACountryCode_FailsSayingWhatIsValid()
    {
        var result = await HanRunner.Run("decode", "--country", "XX", HanRunner.TempFile(Kamstrup));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("'XX' is not an ISO 3166 alpha-2 country code", result.Stderr + result.Stdout, StringComparison.Ordinal);
        Assert.Contains("NO, SE, DK, CZ or HU", result.Stderr + result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decode_MarketWithoutVendorRules_DecodesATelegramThatNeedsNoCountry()
    {
        // A user in Hungary with a P1 telegram: the market has no vendor rules and needs none.
        var vector = Vectors.All.First(c => c.Kind == "dsmr" && c.ExpectReadings == 1);

        var hungary = await HanRunner.Run("decode", "--format", "json", "--country", "hu", HanRunner.TempFile(vector.Input));
        var netherlands = await HanRunner.Run("decode", "--format", "json", "--country", vector.Country, HanRunner.TempFile(vector.Input));

        Assert.Equal(0, hungary.ExitCode);
        Assert.Contains("active_power_import", hungary.Stdout, StringComparison.Ordinal);
        Assert.Equal(netherlands.Stdout, hungary.Stdout);
    }

    [Fact]
    public async Task DecodeHelp_Country_SaysAnyCodeIsAcceptedAndWhichMarketsHaveRules()
    {
        var result = await HanRunner.Run("decode", "--help");

        Assert.Contains("any ISO 3166 alpha-2 code", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("rules of their own: SE", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("reads each vendor's defaults", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decode_UnknownFormat_FailsNamingTheValidOnes()
    {
        var result = await HanRunner.Run("decode", "--format", "xml", HanRunner.TempFile(Kamstrup));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("'xml' not recognized", result.Stderr + result.Stdout, StringComparison.Ordinal);
        Assert.Contains("'fields'", result.Stderr + result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decode_MissingFile_FailsNamingTheFile()
    {
        var result = await HanRunner.Run("decode", "/nonexistent/capture.bin", HanRunner.TempFile(Kamstrup));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("han decode: /nonexistent/capture.bin: ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("== /nonexistent", result.Stdout, StringComparison.Ordinal);
        Assert.Single(result.Stdout.Split('\n'), line => line.Contains("readings from", StringComparison.Ordinal)); // the good file's summary only
    }

    [Fact]
    public async Task Decode_NoFileArgument_ReadsStandardInput()
    {
        var result = await HanRunner.Run(Kamstrup, "decode", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("5706567274389702", Assert.Single(result.Readings).GetProperty("meter_id").GetString());
    }

    [Fact]
    public async Task Decode_LoneDigitAfterAFrame_DecodesTheFrameAndFails()
    {
        var result = await HanRunner.Run("decode", "--format", "json", HanRunner.TempFile([.. Encoding.ASCII.GetBytes(Convert.ToHexString(Kamstrup) + "\n7")]));

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Readings);
        Assert.Contains("line 2, column 1: a lone hex digit", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decode_RunWithAnOddNumberOfDigits_DecodesNoneOfItsShiftedBytesAndSaysWhereItIs()
    {
        var run = Convert.ToHexString(Kamstrup) + "7";

        var result = await HanRunner.Run("decode", "--format", "json", HanRunner.TempFile([.. Encoding.ASCII.GetBytes(run)]));

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.JsonLines);
        Assert.Contains($"line 1, column 1: a digit is missing or extra somewhere in line 1, columns 1-{run.Length}", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecodeText_SeveralFiles_HeadsEachWithItsName()
    {
        var first = HanRunner.TempFile(Kamstrup);
        var second = HanRunner.TempFile(Kamstrup, asHex: true);

        var result = await HanRunner.Run("decode", first, second);

        var lines = result.Stdout.Split('\n');
        Assert.Contains($"== {first}", lines);
        Assert.Contains($"== {second}", lines);
        Assert.True(Array.IndexOf(lines, $"== {first}") < Array.IndexOf(lines, $"== {second}"));
    }

    [Fact]
    public async Task Decode_HexWithAStrayCharacter_KeepsWhatCameBeforeAndNamesTheSpot()
    {
        var text = Convert.ToHexString(Kamstrup) + "\nzz\n";
        var path = Path.Combine(Path.GetTempPath(), "han-test-" + Guid.NewGuid().ToString("N") + ".hex");
        await File.WriteAllTextAsync(path, text);

        var result = await HanRunner.Run("decode", "--format", "json", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Readings);
        Assert.Contains("line 2, column 1", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decode_SeveralFiles_DecodesEach()
    {
        var first = HanRunner.TempFile(Kamstrup);
        var second = HanRunner.TempFile(Vectors.ById("aidon-no-doc-list2-1ph").Input, asHex: true);

        var result = await HanRunner.Run("decode", "--format", "json", first, second);

        Assert.Equal(2, result.Readings.Count);
        Assert.Equal("Aidon", result.Readings[1].GetProperty("meter_manufacturer").GetString());
    }

    [Fact]
    public async Task Decode_HexTextWithAStrayCharacterRightAfterAFrame_DecodesTheFrameAndCountsAllItsBytes()
    {
        var frame = RealFrames.KamstrupList2;
        var path = Path.Combine(Path.GetTempPath(), "han-test-" + Guid.NewGuid().ToString("N") + ".hex");
        File.WriteAllText(path, Convert.ToHexString(frame) + "\nX\n");

        var result = await HanRunner.Run("decode", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"1 readings from 1 frames and 1 APDUs; 0 problems; {frame.Length} bytes read, 0 skipped", result.Stdout, StringComparison.Ordinal);
        Assert.Equal($"han decode: {path}: hex text, line 2, column 1: 'X' is not a hex digit or a separator (space, line break, ',', ';', ':' or '-')", result.Stderr.Trim());
    }

    [Fact]
    public async Task Decode_TextThatIsNotHex_IsRefusedWithoutASummary()
    {
        var result = await HanRunner.Run("Hello, this is my meter's output\n"u8.ToArray(), "decode", "-");

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.StartsWith("han decode: -: this looks like text, not hex, because line 1, column 1: 'H'", result.Stderr, StringComparison.Ordinal);
    }
}
