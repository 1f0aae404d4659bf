using Han.Pipeline.Diagnosis;
using Han.Protocol.Dlms.Security;
using Han.Readings;
using Han.TestCorpus;

namespace Han.Pipeline.Tests.Diagnosis;

public sealed class DiagnoserTests
{
    [Theory]
    [InlineData("amsreader-kamstrup-se-gh355-2-wrong-parity")]
    [InlineData("austria-evn-doc-kaifa-ma309")]
    [InlineData("roarfred-kaifa-stream-559-frames")]
    public void Complete_BytesHandedOverInSmallPieces_GivesTheSameDiagnosisAsAtOnce(string id)
    {
        // A live line hands bytes over a few at a time; the diagnosis must not depend on that.
        var capture = Vectors.ById(id).Input;
        using var whole = new Diagnoser(DecoderOptions.Default);
        whole.Add(capture);
        using var pieces = new Diagnoser(DecoderOptions.Default);
        for (var at = 0; at < capture.Length; at += 7)
        {
            pieces.Add(capture.AsSpan(at, Math.Min(7, capture.Length - at)));
        }

        var expected = whole.Complete();
        var actual = pieces.Complete();

        Assert.Equal(expected.Findings, actual.Findings);
        Assert.Equal(expected.Facts.Seen.Readings, actual.Facts.Seen.Readings);
        Assert.Equal(capture, pieces.Capture.ToArray());
    }

    [Fact]
    public void Complete_NoBytes_SaysNothingArrived()
    {
        using var diagnoser = new Diagnoser(DecoderOptions.Default);

        var diagnosis = diagnoser.Complete();

        var finding = Assert.Single(diagnosis.Findings);
        Assert.Equal(FindingLevel.Problem, finding.Level);
        Assert.Equal("No bytes arrived.", finding.Message);
        Assert.False(diagnosis.IsHealthy);
    }

    [Fact]
    public void Complete_NoisyLine_WarnsButStillDecodes()
    {
        var capture = DamagedCapture.Build(RealFrames.NorwegianGoodFramesOf("Kaifa"), 100, badFcsEvery: 5, cutShortEvery: 0, minGarbage: 0, maxGarbage: 0, seed: 2);
        using var diagnoser = new Diagnoser(new DecoderOptions(Country.Norway));
        diagnoser.Add(capture.ToArray());

        var diagnosis = diagnoser.Complete();

        Assert.True(diagnosis.IsHealthy);
        Assert.Contains(diagnosis.Findings, f => f.Level == FindingLevel.Warning && f.Message.StartsWith("20 of 100 frames fail their checksums", StringComparison.Ordinal));
        Assert.Equal(80, diagnosis.Facts.Seen.Readings);
    }

    [Fact]
    public void Complete_P1TelegramsThatAllFailTheirCrc_SaysTheyArriveDamagedAndWhatToCheck()
    {
        using var diagnoser = new Diagnoser(DecoderOptions.Default);
        diagnoser.Add(InputDetectorTests.DamagedTelegrams(3));

        var diagnosis = diagnoser.Complete();

        Assert.Equal(InputKind.P1Stream, diagnosis.Facts.Kind);
        var finding = Assert.Single(diagnosis.Findings);
        Assert.Equal(FindingLevel.Problem, finding.Level);
        Assert.StartsWith("These are DSMR P1 telegrams (3 of them), but not one passes its CRC check", finding.Message, StringComparison.Ordinal);
        Assert.Contains("115200 8N1", finding.NextStep, StringComparison.Ordinal);
    }

    [Fact]
    public void Complete_CaptureEndingAfterTheFirstOfTwoSegments_SaysAPartOfTheListWasLost()
    {
        using var diagnoser = new Diagnoser(new DecoderOptions(Country.Parse("HR")));
        diagnoser.Add(Vectors.ById("amsreader-iskra-hr-gh1072-1-hdlc-segment1").Input);

        var diagnosis = diagnoser.Complete();

        Assert.Equal(0, diagnosis.Facts.Seen.Readings);
        Assert.Collection(
            diagnosis.Findings,
            warning =>
            {
                Assert.Equal(FindingLevel.Warning, warning.Level);
                Assert.StartsWith("1 list sent in several frames or blocks was dropped because a part of it never came", warning.Message, StringComparison.Ordinal);
            },
            problem =>
            {
                Assert.Equal(FindingLevel.Problem, problem.Level);
                Assert.StartsWith("The warnings above say why", problem.NextStep, StringComparison.Ordinal);
            });
    }

    [Fact]
    public void Complete_LoneApduCutShort_SaysItStartsLikeAMessageButIsNotAWholeOne()
    {
        // A data-notification cut short inside its body, as a bridge might forward it. With no checksum,
        // han cannot tell it from noise that starts with 0F; the diagnosis names both, and what to check.
        using var diagnoser = new Diagnoser(DecoderOptions.Default);
        diagnoser.Add([0x0F, 0x00, 0x00, 0x00, 0x01, 0x00, 0x02, 0x02, 0x09, 0x06, 0x01]);

        var diagnosis = diagnoser.Complete();

        Assert.Equal(InputKind.HdlcStream, diagnosis.Facts.Kind);
        Assert.True(diagnosis.Facts.StartsLikeMessage);
        Assert.Equal(0, diagnosis.Facts.SevenBitTelegrams);
        var finding = Assert.Single(diagnosis.Findings);
        Assert.Equal(FindingLevel.Problem, finding.Level);
        Assert.StartsWith("No frame was found in 11 bytes. They start like a lone DLMS message", finding.Message, StringComparison.Ordinal);
        Assert.Contains("one cut short", finding.Message, StringComparison.Ordinal);
        Assert.StartsWith("If a bridge forwards these messages, check that it sends each one whole", finding.NextStep, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0F")]
    [InlineData("DB")]
    [InlineData("E6E700")]
    public void Complete_MessageStartBeforeGoodFrames_SaysHdlcWithItsReadingsAndNotALoneApdu(string start)
    {
        // Issue 7, point 1: this once read as one broken APDU, every frame lost and "APDUs do not decode" said.
        byte[] capture = [.. Convert.FromHexString(start), .. RealFrames.KamstrupList2, .. Vectors.ById("amsreader-kamstrup-no-em001-1-list2").Input];
        using var diagnoser = new Diagnoser(DecoderOptions.Default);
        diagnoser.Add(capture);

        var diagnosis = diagnoser.Complete();

        Assert.True(diagnosis.IsHealthy);
        Assert.Equal(InputKind.HdlcStream, diagnosis.Facts.Kind);
        Assert.Collection(
            diagnosis.Findings,
            format => Assert.Equal("The input is a stream of HDLC frames (DLMS over M-Bus, as in Norway, Sweden and Denmark); 2 readings decode from it.", format.Message),
            noise => Assert.Equal(start.Length == 2 ? "1 byte lies outside any frame" : "3 bytes lie outside any frame", noise.Message[..noise.Message.IndexOf(" (", StringComparison.Ordinal)]));
        Assert.StartsWith("What arrived: " + capture.Length + " bytes, a stream of HDLC frames", diagnosis.ToText(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string> KeyCases() => new()
    {
        { "wrong-auth-key", "The frames' authentication tags do not match" },
        { "no-auth-key", "1 frames carry an authentication tag that could not be checked." },
        { "twice", "Some frames repeat a frame counter already seen" },
    };

    [Theory]
    [MemberData(nameof(KeyCases))]
    public void Complete_EncryptedCapture_SaysWhatIsWrongWithTheKeysOrFrames(string situation, string expected)
    {
        var vector = Vectors.ById("amsreader-lg-at-gh501-2-encrypted");
        var key = EncryptionKey.FromHex(vector.KeyHex);
        var options = situation switch
        {
            "wrong-auth-key" => new DecoderOptions(Country.Parse("AT"), key, AuthenticationKey.FromHex("000102030405060708090A0B0C0D0E0F")),
            "no-auth-key" => new DecoderOptions(Country.Parse("AT"), key),
            _ => new DecoderOptions(Country.Parse("AT"), key, AuthenticationKey.FromHex(vector.AuthKeyHex)),
        };
        using var diagnoser = new Diagnoser(options);
        diagnoser.Add(vector.Input);
        if (situation == "twice")
        {
            diagnoser.Add(vector.Input);
        }

        var diagnosis = diagnoser.Complete();

        Assert.Contains(diagnosis.Findings, f => f.Message.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Complete_ListOfAnUnknownLayout_AsksForTheBundle()
    {
        // A data-notification with five values and no names: no profile has that layout.
        byte[] apdu = [0x0F, 0x00, 0x00, 0x00, 0x01, 0x00, 0x02, 0x05, 0x12, 0x00, 0x01, 0x12, 0x00, 0x02, 0x12, 0x00, 0x03, 0x12, 0x00, 0x04, 0x12, 0x00, 0x05];
        using var diagnoser = new Diagnoser(DecoderOptions.Default);
        diagnoser.Add(apdu);

        var diagnosis = diagnoser.Complete();

        Assert.Contains(diagnosis.Findings, f => f.Level == FindingLevel.Warning && f.Message.StartsWith("Some lists have a layout han does not know", StringComparison.Ordinal));
    }

    [Fact]
    public void Complete_NoiseBeforeGoodFrames_IsOnlyNoted()
    {
        byte[] capture = [.. "\r\n\r\n"u8, .. RealFrames.NorwegianGoodFramesOf("Kamstrup")[0]];
        using var diagnoser = new Diagnoser(DecoderOptions.Default);
        diagnoser.Add(capture);

        var diagnosis = diagnoser.Complete();

        Assert.True(diagnosis.IsHealthy);
        Assert.Contains(diagnosis.Findings, f => f.Level == FindingLevel.Info && f.Message.StartsWith("4 bytes lie outside any frame", StringComparison.Ordinal));
    }

    [Fact]
    public void Complete_TextThatHoldsNoFrame_SaysNothingWasFoundAndWhatToCheck()
    {
        using var diagnoser = new Diagnoser(DecoderOptions.Default);
        diagnoser.Add("This is not a meter talking, just some text read from the wrong port.\n"u8);

        var diagnosis = diagnoser.Complete();

        var finding = Assert.Single(diagnosis.Findings);
        Assert.Equal(FindingLevel.Problem, finding.Level);
        Assert.StartsWith("No frame, telegram or APDU was found in 70 bytes.", finding.Message, StringComparison.Ordinal);
    }
}
