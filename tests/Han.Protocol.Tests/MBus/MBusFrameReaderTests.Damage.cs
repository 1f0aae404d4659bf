using Han.Protocol.Framing;
using Han.Protocol.MBus;
using Han.TestCorpus;

namespace Han.Protocol.Tests.MBus;

/// <summary>Damaged frames and noise: each is discarded for its reason and costs no good frame.</summary>
public sealed partial class MBusFrameReaderTests
{
    [Fact]
    public void TryRead_BadChecksumInFirstFrame_DiscardsItAndFindsTheSecond()
    {
        var log = MBusReaderHarness.ReadSpans(Bytes.Flip(Evn, 100));

        Assert.Equal("256+26", log.Describe());
        var first = log.Discards[0];
        Assert.Equal(new FrameDiscard(DecodeError.BadChecksum, 0, 1, 250), first);
        Assert.Equal(1, log.Statistics.Discards(DecodeError.BadChecksum));
        Assert.Equal(256, log.Statistics.DiscardedBytes);
    }

    [Fact]
    public void TryRead_WrongStopByte_DiscardsWithMissingStopByteAndFindsTheNextFrame()
    {
        var input = (byte[])Evn.Clone();
        input[255] = 0x00;

        var log = MBusReaderHarness.ReadSpans(input);

        Assert.Equal("256+26", log.Describe());
        Assert.Equal(new FrameDiscard(DecodeError.MissingStopByte, 0, 1, 250), log.Discards[0]);
        Assert.Equal(256, log.Statistics.DiscardedBytes);
    }

    [Fact]
    public void TryRead_MismatchedLengthBytes_DiscardsWithBadLengthAndFindsTheNextFrame()
    {
        var input = (byte[])Evn.Clone();
        input[2] = 0xFB;

        var log = MBusReaderHarness.ReadSpans(input);

        Assert.Equal("256+26", log.Describe());
        Assert.Equal(DecodeError.BadLength, log.Discards[0].Reason);
        Assert.Equal(0, log.Discards[0].Offset);
        Assert.Equal(1, log.Discards[0].ByteCount);
    }

    [Fact]
    public void TryRead_SecondStartByteMissing_IsNotAFrameStartAndCostsOnlySkippedBytes()
    {
        var input = (byte[])Evn.Clone();
        input[3] = 0x00;

        var log = MBusReaderHarness.ReadSpans(input);

        Assert.Equal("256+26", log.Describe());
        Assert.Empty(log.Rejected);
        Assert.Equal(256, log.Statistics.DiscardedBytes);
    }

    [Fact]
    public void TryRead_CutShortByTheEndOfInput_DiscardsWithTruncated()
    {
        var input = Bytes.Concat(Evn, Evn[..100]);

        var log = MBusReaderHarness.ReadSpans(input);

        Assert.Equal("0+256, 256+26", log.Describe());
        Assert.Equal(new FrameDiscard(DecodeError.Truncated, 282, 1, 250), log.Discards[0]);
        Assert.Equal(100, log.Statistics.DiscardedBytes);
    }

    [Fact]
    public void TryRead_HeaderCutShortByTheEndOfInput_DiscardsWithTruncated()
    {
        var log = MBusReaderHarness.ReadSpans(Bytes.Concat(Evn, Bytes.Hex("68 FA")));

        Assert.Equal(2, log.Frames.Count);
        Assert.Equal(DecodeError.Truncated, log.Discards[0].Reason);
        Assert.Equal(282, log.Discards[0].Offset);
        Assert.Equal(2, log.Statistics.DiscardedBytes);
    }

    [Fact]
    public void TryRead_CutShortFrameFollowedByACapture_DoesNotSwallowTheGoodFrames()
    {
        var input = Bytes.Concat(Evn[..100], Evn);

        var log = MBusReaderHarness.ReadSpans(input);

        Assert.Equal("100+256, 356+26", log.Describe());
        Assert.Contains(log.Discards[0].Reason, new[] { DecodeError.MissingStopByte, DecodeError.BadChecksum });
        Assert.Equal(0, log.Discards[0].Offset);
        Assert.Equal(100, log.Statistics.DiscardedBytes);
    }

    [Fact]
    public void TryRead_DamagedQuirkFrameFollowedByACapture_DoesNotSwallowTheGoodFrames()
    {
        // A 68 01 01 68 header announces 257 bytes, which here reach into the good frames after it.
        var input = Bytes.Concat(Bytes.Hex("68 01 01 68 53 FF 00 01 67"), Evn);

        var log = MBusReaderHarness.ReadSpans(input);

        Assert.Equal("9+256, 265+26", log.Describe());
        var rejected = Assert.Single(log.Rejected);
        Assert.Equal(0, rejected.Offset);
        Assert.Equal(257, rejected.DeclaredLength);
    }

    [Fact]
    public void TryRead_QuirkHeaderNearTheEndOfInput_IsTruncated()
    {
        var log = MBusReaderHarness.ReadSpans(Bytes.Concat(Evn, Sagemcom[..200]));

        Assert.Equal(2, log.Frames.Count);
        Assert.Equal(new FrameDiscard(DecodeError.Truncated, 282, 1, 257), log.Discards[0]);
    }

    [Fact]
    public void TryRead_GarbageBetweenFrames_IsOneSkippedRunPerGap()
    {
        var garbage = "garbage!"u8.ToArray();
        var input = Bytes.Concat(garbage, Evn[..256], garbage, garbage, Evn[256..], garbage);

        var log = MBusReaderHarness.ReadSpans(input);

        Assert.Equal("8+256, 280+26", log.Describe());
        Assert.Equal(
            [new(DecodeError.SkippedBytes, 0, 8, 0), new(DecodeError.SkippedBytes, 264, 16, 0), new FrameDiscard(DecodeError.SkippedBytes, 306, 8, 0)],
            log.Discards);
        Assert.Equal(3, log.Statistics.Discards(DecodeError.SkippedBytes));
    }

    [Fact]
    public void TryRead_FrameWithAnMBusDataHeader_IsRejectedAndTheNextFrameFound()
    {
        var foreign = MBusFrameBuilder.Build(0x08, 0x05, 0x72, Bytes.Hex("78 56 34 12 24 40 01 07 55 00 00 00"));

        var log = MBusReaderHarness.ReadSpans(Bytes.Concat(foreign, Evn));

        Assert.Equal($"{foreign.Length}+256, {foreign.Length + 256}+26", log.Describe());
        Assert.Equal(new FrameDiscard(DecodeError.BadLength, 0, 1, 15), log.Discards[0]);
    }

    [Fact]
    public void TryRead_LengthFieldFour_IsBadLength()
    {
        var log = MBusReaderHarness.ReadSpans(Bytes.Concat(MBusFrameBuilder.Build(0x53, 0xFF, 0x10, [0x01]), Evn));

        Assert.Equal("10+256, 266+26", log.Describe());
        Assert.Equal(new FrameDiscard(DecodeError.BadLength, 0, 1, 4), log.Discards[0]);
    }

    [Fact]
    public void TryRead_IncompleteHeaderBeforeTheEnd_WaitsWithoutConsumingIt()
    {
        var reader = new MBusFrameReader();
        var input = Bytes.Hex("01 02 68 FA");

        Assert.Equal(FrameReadStatus.Discarded, reader.TryRead(input, isFinalBlock: false, out var consumed, out _, out var discard));
        Assert.Equal(2, consumed);
        Assert.Equal(new FrameDiscard(DecodeError.SkippedBytes, 0, 2, 0), discard);

        Assert.Equal(FrameReadStatus.NeedMoreData, reader.TryRead(input.AsSpan(2), isFinalBlock: false, out consumed, out _, out _));
        Assert.Equal(0, consumed);
        Assert.Equal(2, reader.Position);
    }

    [Fact]
    public void TryRead_FakeHeadersInNoise_CostOneByteEachAndNoGoodFrame()
    {
        var noise = Bytes.Hex("68 68 68 05 05 68 01 00 00 00 00 00 16 68 14 14 68 16 68");
        var input = Bytes.Concat(noise, Evn, noise);

        var log = MBusReaderHarness.ReadSpans(input);

        Assert.Equal($"{noise.Length}+256, {noise.Length + 256}+26", log.Describe());
        Assert.Contains(new FrameDiscard(DecodeError.BadChecksum, 2, 1, 5), log.Rejected);
        Assert.All(log.Rejected, d => Assert.Equal(1, d.ByteCount));
        Assert.Equal(2 * noise.Length, log.Statistics.DiscardedBytes);
    }

    [Fact]
    public void TryRead_RandomGarbageAroundRealFrames_FindsEveryFrameAtItsOffset()
    {
        var random = new Random(13757);
        byte[][] frames =
        [
            Evn[..256], Evn[256..], Sagemcom[..263], Sagemcom[263..],
            MBusFrameBuilder.Segment(0, last: true, [0x68, 0x16, 0x68, 0x68]),
            MBusFrameBuilder.Segment(3, last: false, new byte[254]),
        ];
        var input = new List<byte>();
        var expected = new List<string>();
        for (var i = 0; i < 300; i++)
        {
            var frame = frames[random.Next(frames.Length)];
            var garbageLength = random.Next(0, 4) == 0 ? 0 : random.Next(1, 40);
            for (var g = 0; g < garbageLength; g++)
            {
                // Noise that looks like M-Bus: start and stop bytes, small length fields, plain bytes.
                input.Add(random.Next(5) switch
                {
                    0 => 0x68,
                    1 => 0x16,
                    2 => (byte)random.Next(6),
                    _ => (byte)random.Next(256),
                });
            }

            expected.Add($"{input.Count}+{frame.Length}");
            input.AddRange(frame);
        }

        var data = input.ToArray();
        var describe = string.Join(", ", expected);
        Assert.Equal(describe, MBusReaderHarness.ReadSpans(data).Describe());
        Assert.Equal(describe, MBusReaderHarness.ReadSpans(data, chunkSize: 1).Describe());
        Assert.Equal(describe, MBusReaderHarness.ReadSpans(data, chunkSize: 61).Describe());
        Assert.Equal(describe, MBusReaderHarness.ReadSequence(data, [1, 0, 7, 2]).Describe());
        Assert.Equal(describe, MBusReaderHarness.ReadSequenceIncrementally(data, 37, [3, 1]).Describe());
    }

    [Fact]
    public void TryRead_MixedDamageAsMultiSegmentSequence_GivesTheSameFramesAndAccounting()
    {
        var input = Bytes.Concat("xx"u8.ToArray(), Bytes.Flip(Evn, 50), Sagemcom, Evn[..40], Evn);
        var spans = MBusReaderHarness.ReadSpans(input);
        Assert.Equal(5, spans.Frames.Count); // Evn's last, both Sagemcom frames, both Evn frames

        foreach (var pattern in SegmentPatterns)
        {
            var log = MBusReaderHarness.ReadSequence(input, pattern);

            Assert.Equal(spans.Describe(), log.Describe());
            Assert.Equal(spans.Statistics.DiscardedBytes, log.Statistics.DiscardedBytes);
            Assert.Equal(spans.Rejected, log.Rejected); // runs of skipped bytes may split at segment ends
        }
    }

    [Fact]
    public void Statistics_FrameAndDiscardCounts_MatchWhatWasRead()
    {
        var stop = (byte[])Evn.Clone();
        stop[^1] = 0x00;
        var input = Bytes.Concat("xx"u8.ToArray(), Evn, Bytes.Flip(Evn, 20), stop);

        var log = MBusReaderHarness.ReadSpans(input);

        // Good: Evn (2 frames), the flipped capture's last frame, the damaged-stop capture's first frame.
        Assert.Equal(4, log.Statistics.Frames);
        Assert.Equal(256 + 26 + 26 + 256, log.Statistics.FrameBytes);
        Assert.Equal(1, log.Statistics.Discards(DecodeError.BadChecksum));
        Assert.Equal(1, log.Statistics.Discards(DecodeError.MissingStopByte));
        Assert.Equal(2 + 256 + 26, log.Statistics.DiscardedBytes);
        Assert.Equal(input.Length, log.Statistics.FrameBytes + log.Statistics.DiscardedBytes);
    }
}
