using System.Text;
using Han.Protocol.Framing;
using Han.Protocol.P1;
using Han.TestCorpus;

namespace Han.Protocol.Tests.P1;

public sealed partial class P1TelegramReaderTests
{
    [Fact]
    public void TryRead_BadCrcBetweenTwoGoodTelegrams_DiscardsOnlyTheBadOne()
    {
        var bad = Bytes.Flip(Iskra50, 100); // one bit of a data line
        var input = Bytes.Concat(Kaifa42, bad, Fluvius);

        var log = P1ReaderHarness.ReadSpans(input);

        Assert.Equal($"0+{Kaifa42.Length - 2}, {Kaifa42.Length + bad.Length}+{Fluvius.Length - 2}", log.Describe());
        Assert.Equal(new FrameDiscard(DecodeError.BadCrc, Kaifa42.Length, bad.Length, 0), Assert.Single(log.Discards));
        Assert.Equal(1, log.Statistics.Discards(DecodeError.BadCrc));
    }

    [Fact]
    public void TryRead_GarbageBetweenTelegrams_IsSkippedAndCounted()
    {
        // Noise with a stray '/' that opens no identification line, and binary bytes.
        var garbage = Encoding.ASCII.GetBytes("\r\nnoise / 12!34\r\n\u007f").Concat(new byte[] { 0x00, 0xFF, 0x2F, 0x01 }).ToArray();
        var input = Bytes.Concat(garbage, Kaifa42, garbage, Fluvius, garbage);

        var log = P1ReaderHarness.ReadSpans(input);

        Assert.Equal(2, log.Frames.Count);
        Assert.Empty(log.Rejected);
        Assert.Equal(3 * garbage.Length, log.Statistics.DiscardedBytes);
        Assert.Equal(Kaifa42.Length + Fluvius.Length, log.Statistics.FrameBytes);
    }

    [Fact]
    public void TryRead_TruncatedFinalTelegram_IsDiscardedAsTruncated()
    {
        var cut = Fluvius[..600];
        var input = Bytes.Concat(Kaifa42, cut);

        var log = P1ReaderHarness.ReadSpans(input, chunkSize: 64);

        Assert.Single(log.Frames);
        Assert.Equal(new FrameDiscard(DecodeError.Truncated, Kaifa42.Length, cut.Length, 0), Assert.Single(log.Discards));
    }

    [Fact]
    public void TryRead_TelegramCutShortByTheNextOne_DiscardsTheStumpAndReadsTheNext()
    {
        // The meter was unplugged mid-telegram: the next '/' comes before any '!'.
        var stump = Kaifa42[..400];
        var input = Bytes.Concat(stump, Fluvius);

        var log = P1ReaderHarness.ReadSpans(input);

        Assert.Equal($"{stump.Length}+{Fluvius.Length - 2}", log.Describe());
        Assert.Equal(new FrameDiscard(DecodeError.Truncated, 0, stump.Length, 0), Assert.Single(log.Discards));
    }

    [Fact]
    public void TryRead_TelegramWithoutBangBeyondTheLimit_IsTooLongAndTheNextTelegramIsRead()
    {
        var line = "0-0:96.13.0(" + new string('3', 1000) + ")\r\n";
        var endless = Encoding.ASCII.GetBytes("/KFM5KAIFA-METER\r\n\r\n" + string.Concat(Enumerable.Repeat(line, 20)));
        Assert.True(endless.Length > P1TelegramReader.MaxTelegramLength);
        var input = Bytes.Concat(endless, Kaifa42);

        var log = P1ReaderHarness.ReadSpans(input, chunkSize: 4096);

        Assert.Equal($"{endless.Length}+{Kaifa42.Length - 2}", log.Describe());
        Assert.Equal(new FrameDiscard(DecodeError.TelegramTooLong, 0, P1TelegramReader.MaxTelegramLength, 0), log.Discards[0]);
        Assert.Equal(endless.Length - P1TelegramReader.MaxTelegramLength, log.Discards.Skip(1).Sum(d => d.ByteCount));
        Assert.All(log.Discards.Skip(1), d => Assert.Equal(DecodeError.SkippedBytes, d.Reason));
    }

    [Fact]
    public void TryRead_TelegramJustUnderTheLimit_IsRead()
    {
        var header = "/KFM5KAIFA-METER\r\n\r\n";
        var filler = P1TelegramReader.MaxTelegramLength - header.Length - "0-0:96.13.0()\r\n!".Length;
        var input = P1TelegramBuilder.Build("KFM5KAIFA-METER", ["0-0:96.13.0(" + new string('3', filler) + ")"]);

        var log = P1ReaderHarness.ReadSpans(input);

        Assert.Equal(P1TelegramReader.MaxTelegramLength + 4, Assert.Single(log.Frames).Text.Length);
    }

    [Fact]
    public void TryRead_CrcDigitTurnedIntoALetter_IsBadCrcNotATelegramWithoutCrc()
    {
        var text = Encoding.ASCII.GetString(Kaifa42).Replace("!6796", "!Z796", StringComparison.Ordinal);

        var log = P1ReaderHarness.ReadSpans(Encoding.ASCII.GetBytes(text));

        Assert.Empty(log.Frames);
        Assert.Equal(DecodeError.BadCrc, Assert.Single(log.Rejected).Reason);
    }

    [Fact]
    public void TryRead_EverySingleBitFlipAfterAGoodTelegram_NeverDeliversAChangedTelegram()
    {
        var original = Kaifa42[..^2];
        for (var index = 0; index < Kaifa42.Length; index++)
        {
            for (var bit = 0; bit < 8; bit++)
            {
                var log = P1ReaderHarness.ReadSpans(Bytes.Concat(Kaifa42, Bytes.Flip(Kaifa42, index, (byte)(1 << bit))));

                Assert.All(log.Frames, t => Assert.Equal(original, t.Text));
            }
        }
    }

    [Fact]
    public void TryRead_ClosingParenthesisFlippedIntoBangAfterAGoodTelegram_IsBadCrc()
    {
        // ')' 0x29 with bit 3 flipped is '!' 0x21: the telegram would end there with no checksum.
        var flipped = Bytes.Flip(Kaifa42, Array.IndexOf(Kaifa42, (byte)')'), 0x08);

        var log = P1ReaderHarness.ReadSpans(Bytes.Concat(Kaifa42, flipped));

        Assert.Single(log.Frames);
        Assert.Equal(DecodeError.BadCrc, Assert.Single(log.Rejected).Reason);
        Assert.True(log.Reader.RequiresCrc);
    }

    [Fact]
    public void TryRead_TelegramWithoutCrcWhenCrcIsRequired_IsBadCrc()
    {
        var input = Vectors.ById("dsmr-nl-v22").Input;
        var reader = new P1TelegramReader(requireCrc: true);

        var status = reader.TryRead(input, isFinalBlock: true, out var consumed, out _, out var discard);

        Assert.Equal(FrameReadStatus.Discarded, status);
        Assert.Equal(new FrameDiscard(DecodeError.BadCrc, 0, input.Length, 0), discard);
        Assert.Equal(input.Length, consumed);
    }

    [Fact]
    public void TryRead_TelegramsWithoutCrc_KeepBeingAcceptedWhileNoneHasOne()
    {
        var input = Vectors.ById("dsmr-nl-v22").Input;

        var log = P1ReaderHarness.ReadSpans(Bytes.Concat(input, input, input));

        Assert.Equal(3, log.Frames.Count);
        Assert.False(log.Reader.RequiresCrc);
    }

    [Fact]
    public void TryRead_IdentificationCutAtTheEndOfTheInput_IsTruncated()
    {
        var log = P1ReaderHarness.ReadSpans(Bytes.Concat(Kaifa42, "/KFM5KAI"u8.ToArray()));

        Assert.Single(log.Frames);
        Assert.Equal(new FrameDiscard(DecodeError.Truncated, Kaifa42.Length, 8, 0), Assert.Single(log.Discards));
    }

    [Fact]
    public void TryRead_StatisticsAfterAMixedStream_AccountForEveryByte()
    {
        var input = Bytes.Concat(
            "junk"u8.ToArray(), Kaifa42, Bytes.Flip(Fluvius, 50), Kaifa42[..300], Iskra50, "/KFM5"u8.ToArray());
        var reader = new P1TelegramReader();
        var consumedTotal = 0;
        var rest = input.AsSpan();
        while (reader.TryRead(rest, isFinalBlock: true, out var consumed, out _, out _) != FrameReadStatus.NeedMoreData)
        {
            consumedTotal += consumed;
            rest = rest[consumed..];
        }

        Assert.Equal(input.Length, consumedTotal);
        Assert.Equal(consumedTotal, reader.Statistics.FrameBytes + reader.Statistics.DiscardedBytes);
        Assert.Equal(2, reader.Statistics.Frames);
        Assert.Equal(Kaifa42.Length + Iskra50.Length, reader.Statistics.FrameBytes);
        Assert.Equal(1, reader.Statistics.Discards(DecodeError.BadCrc));
        Assert.Equal(2, reader.Statistics.Discards(DecodeError.Truncated));
        Assert.Equal(1, reader.Statistics.Discards(DecodeError.SkippedBytes));
    }
}
