using System.Text;
using Han.Protocol.Framing;
using Han.Protocol.P1;
using Han.TestCorpus;

namespace Han.Protocol.Tests.P1;

public sealed partial class P1TelegramReaderTests
{
    private static readonly byte[] Kaifa42 = Vectors.ById("dsmr-nl-v42-kaifa").Input;
    private static readonly byte[] Fluvius = Vectors.ById("dsmr-be-fluvius-v171").Input;
    private static readonly byte[] Iskra50 = Vectors.ById("dsmr-nl-v50-two-mbus").Input;

    private static readonly int[][] SegmentPatterns = [[1], [3], [0, 5, 1, 17], [64], [2, 0, 0, 300, 1]];

    public static TheoryData<string> DsmrVectors() =>
        [.. Vectors.All.Where(c => c.Kind == "dsmr").Select(c => c.Id)];

    /// <summary>
    /// Every good telegram of the corpus, one after the other; those without a checksum first, since a
    /// reader that has seen a checksum refuses telegrams without one.
    /// </summary>
    private static byte[] GoodStream() =>
        [.. Vectors.All
            .Where(c => c.Kind == "dsmr" && c.ExpectReadings == 1)
            .OrderBy(c => Encoding.ASCII.GetString(c.Input).Contains("!\r\n", StringComparison.Ordinal) ? 0 : 1)
            .SelectMany(c => c.Input)];

    [Theory]
    [MemberData(nameof(DsmrVectors))]
    public void TryRead_DsmrVector_YieldsTheExpectedNumberOfTelegrams(string id)
    {
        var vector = Vectors.ById(id);

        var log = P1ReaderHarness.ReadSpans(vector.Input);

        Assert.Equal(vector.ExpectReadings, log.Frames.Count);
    }

    [Theory]
    [MemberData(nameof(DsmrVectors))]
    public void TryRead_DsmrVectorByteByByteAndInSegments_GivesTheSameTelegramsAsInOneBlock(string id)
    {
        var input = Vectors.ById(id).Input;
        var whole = P1ReaderHarness.ReadSpans(input);

        var trickled = P1ReaderHarness.ReadSpans(input, chunkSize: 1);
        var piped = P1ReaderHarness.ReadSequenceIncrementally(input, chunkSize: 13, [0, 5, 1, 17]);

        Assert.Equal(whole.Describe(), trickled.Describe());
        Assert.Equal(whole.Describe(), piped.Describe());
        Assert.Equal(whole.Rejected, trickled.Rejected);
        Assert.Equal(whole.Statistics.DiscardedBytes, trickled.Statistics.DiscardedBytes);
    }

    [Theory]
    [InlineData("amsreader-kamstrup-dk-p1-gh712-2-malformed")]
    [InlineData("amsreader-elgama-pl-gh1177-1-p1")]
    [InlineData("dsmr-nl-v42-kaifa-line-removed")]
    [InlineData("dsmr-nl-spec-5.0.2-example")]
    public void TryRead_VectorWithWrongCrc_DiscardsTheWholeTelegramAsBadCrc(string id)
    {
        var input = Vectors.ById(id).Input;

        var log = P1ReaderHarness.ReadSpans(input);

        var discard = Assert.Single(log.Discards);
        Assert.Equal(new FrameDiscard(DecodeError.BadCrc, 0, input.Length, 0), discard);
    }

    [Fact]
    public void TryRead_SpecExampleWithItsCrcCorrected_ReadsTheTelegram()
    {
        // DSMR 5.0.2 §6.13 prints !EF2F; CRC-16/ARC of the printed text is E47C.
        var input = Vectors.ById("dsmr-nl-spec-5.0.2-example").Input;
        var text = Encoding.ASCII.GetString(input).Replace("!EF2F", "!E47C", StringComparison.Ordinal);

        var log = P1ReaderHarness.ReadSpans(Encoding.ASCII.GetBytes(text));

        var telegram = Assert.Single(log.Frames);
        Assert.Equal(@"ISk5\2MT382-1000", telegram.Identification);
        Assert.EndsWith("!E47C", telegram.Ascii, StringComparison.Ordinal);
        Assert.Empty(log.Discards);
    }

    [Fact]
    public void TryRead_Gh712MalformedWithItsLostBytesRestored_PassesItsOwnCrc()
    {
        // The corpus calls "1-0:4:24.7.0" a malformed OBIS token. It is 129 lost bytes: "1-0:4[2.7.0 ...
        // 63.7.0(...)\r\n1-0]:24.7.0". Restored with the lines every other /KAM5 telegram sends (all zero
        // but 23.7.0 = 0.034 kvar, which makes 4.7.0 = 0.182 + 0.219 - 0.034 = 0.367 balance), the
        // telegram is 700 bytes like the other two Kamstrup captures, and its own !8AEF checks.
        var input = Vectors.ById("amsreader-kamstrup-dk-p1-gh712-2-malformed").Input;
        const string Lost = "2.7.0(0000.000*kW)\r\n1-0:62.7.0(0000.000*kW)\r\n1-0:23.7.0(0000.034*kVAr)\r\n"
            + "1-0:43.7.0(0000.000*kVAr)\r\n1-0:63.7.0(0000.000*kVAr)\r\n1-0";
        var restored = Encoding.ASCII.GetString(input).Replace("1-0:4:24.7.0", "1-0:4" + Lost + ":24.7.0", StringComparison.Ordinal);

        var log = P1ReaderHarness.ReadSpans(Encoding.ASCII.GetBytes(restored));

        Assert.Equal(129, Lost.Length);
        Assert.Equal(700, restored.Length);
        Assert.EndsWith("!8AEF", Assert.Single(log.Frames).Ascii, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_KaifaTelegram_ExposesItsHeaderChecksumAndText()
    {
        var reader = new P1TelegramReader();

        var status = reader.TryRead(Kaifa42, isFinalBlock: false, out var consumed, out var telegram, out _);

        Assert.Equal(FrameReadStatus.Frame, status);
        Assert.Equal(Kaifa42.Length, consumed);
        Assert.Equal(0, telegram.Offset);
        Assert.Equal("KFM5KAIFA-METER", Encoding.ASCII.GetString(telegram.Identification));
        Assert.Equal("KFM", Encoding.ASCII.GetString(telegram.FlagId));
        Assert.True(telegram.HasCrc);
        Assert.Equal(0x6796, telegram.Crc);
        Assert.Equal(Kaifa42[..^2], telegram.Text.ToArray());
        Assert.StartsWith("\r\n1-3:0.2.8(42)\r\n", Encoding.ASCII.GetString(telegram.Data), StringComparison.Ordinal);
        Assert.Equal(Kaifa42.Length, reader.Position);
        Assert.Equal(Kaifa42.Length, reader.Statistics.FrameBytes);
    }

    [Fact]
    public void TryRead_KamstrupWithLeadingCrLf_SkipsTwoBytesThenReadsAtOffsetTwo()
    {
        var log = P1ReaderHarness.ReadSpans(Vectors.ById("amshan-p1-kamstrup-kam5-leading-crlf").Input);

        Assert.Equal(new FrameDiscard(DecodeError.SkippedBytes, 0, 2, 0), Assert.Single(log.Discards));
        var telegram = Assert.Single(log.Frames);
        Assert.Equal(2, telegram.Offset);
        Assert.Equal("KAM5", telegram.Identification);
    }

    [Fact]
    public void TryRead_TelegramWithoutCrc_EndsAtTheBareBang()
    {
        var input = Vectors.ById("dsmr-nl-v22").Input;

        var log = P1ReaderHarness.ReadSpans(input);

        var telegram = Assert.Single(log.Frames);
        Assert.False(telegram.HasCrc);
        Assert.EndsWith("0-1:24.4.0(1)\r\n!", telegram.Ascii, StringComparison.Ordinal);
        Assert.Equal(input.Length, log.Statistics.FrameBytes);
    }

    [Fact]
    public void TryRead_CrcWrittenWithThreeDigits_IsCheckedAsItsValue()
    {
        var reader = new P1TelegramReader();

        var status = reader.TryRead(Vectors.ById("dsmr-nl-unpadded-crc").Input, isFinalBlock: false, out _, out var telegram, out _);

        Assert.Equal(FrameReadStatus.Frame, status);
        Assert.Equal(0x0B9F, telegram.Crc);
        Assert.EndsWith("!B9F", Encoding.ASCII.GetString(telegram.Text), StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_LineFeedOnlyLineEndings_ReadsTheSameLines()
    {
        var input = P1TelegramBuilder.Rewrite(Kaifa42, newline: "\n");

        var log = P1ReaderHarness.ReadSpans(input, chunkSize: 5);

        var telegram = Assert.Single(log.Frames);
        Assert.Equal(Encoding.ASCII.GetString(Kaifa42[..^2]).Replace("\r\n", "\n", StringComparison.Ordinal)[..^4], telegram.Ascii[..^4]);
        Assert.Equal(input.Length, log.Statistics.FrameBytes);
    }

    [Fact]
    public void TryRead_FourDigitCrcAtTheEndOfANonFinalBlock_WaitsForTheLineBreak()
    {
        var input = Vectors.ById("amshan-p1-landisgyr-e360").Input; // ends with !A077, no CR LF
        var reader = new P1TelegramReader();

        var status = reader.TryRead(input, isFinalBlock: false, out var consumed, out _, out _);
        Assert.Equal(FrameReadStatus.NeedMoreData, status);
        Assert.Equal(0, consumed);

        status = reader.TryRead([.. input, .. "\r\n"u8], isFinalBlock: false, out consumed, out var telegram, out _);
        Assert.Equal(FrameReadStatus.Frame, status);
        Assert.Equal(input.Length + 2, consumed);
        Assert.Equal(input, telegram.Text.ToArray());
    }

    [Fact]
    public void TryRead_NextTelegramRightAfterAFourDigitCrc_ReadsBoth()
    {
        var first = Vectors.ById("amshan-p1-landisgyr-e360").Input;
        var input = Bytes.Concat(first, Kaifa42);

        var log = P1ReaderHarness.ReadSpans(input);

        Assert.Equal($"0+{first.Length}, {first.Length}+{Kaifa42.Length - 2}", log.Describe());
        Assert.Empty(log.Discards);
    }

    [Fact]
    public void TryRead_LowerCaseCrcAndNulBeforeTheLineBreak_AreAccepted()
    {
        var text = Encoding.ASCII.GetString(Iskra50).Replace("!56DD\r\n", "!56dd\0\r\n", StringComparison.Ordinal);

        var log = P1ReaderHarness.ReadSpans(Encoding.ASCII.GetBytes(text));

        Assert.Single(log.Frames);
        Assert.Equal(text.Length, log.Statistics.FrameBytes);
    }

    [Fact]
    public void TryRead_EveryGoodCorpusTelegramInOneStream_AreAllFoundInEveryFeedingPattern()
    {
        var input = GoodStream();
        var whole = P1ReaderHarness.ReadSpans(input);
        Assert.Equal(Vectors.All.Count(c => c.Kind == "dsmr" && c.ExpectReadings == 1), whole.Frames.Count);

        foreach (var chunk in new[] { 1, 2, 7, 1000 })
        {
            Assert.Equal(whole.Describe(), P1ReaderHarness.ReadSpans(input, chunk).Describe());
        }

        foreach (var segments in SegmentPatterns)
        {
            Assert.Equal(whole.Describe(), P1ReaderHarness.ReadSequenceIncrementally(input, chunkSize: 500, segments).Describe());
        }
    }

    [Fact]
    public void TryRead_SequenceLongerThanTheScratchBuffer_StillFindsTheTelegramsAfterIt()
    {
        // 40 KiB without '/' or '!' between two telegrams, fed as one multi-segment final block.
        var input = Bytes.Concat(Fluvius, Enumerable.Repeat((byte)'x', 40 * 1024).ToArray(), Kaifa42);

        var log = P1ReaderHarness.ReadSequenceIncrementally(input, chunkSize: input.Length, [1000]);

        Assert.Equal(2, log.Frames.Count);
        Assert.Equal(40 * 1024, log.Discards.Where(d => d.Reason == DecodeError.SkippedBytes).Sum(d => d.ByteCount));
    }
}
