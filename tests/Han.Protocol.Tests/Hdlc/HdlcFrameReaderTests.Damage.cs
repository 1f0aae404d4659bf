using Han.Protocol.Framing;
using Han.Protocol.Hdlc;
using Han.TestCorpus;

namespace Han.Protocol.Tests.Hdlc;

/// <summary>Damaged frames and noise: each is discarded for its reason and costs no good frame.</summary>
public sealed partial class HdlcFrameReaderTests
{
    [Fact]
    public void TryRead_BadHcs_DiscardsWithBadHcs()
    {
        var log = FrameReaderHarness.ReadSpans(Bytes.Flip(Kaifa, 8));

        Assert.Empty(log.Frames);
        var first = log.Discards[0];
        Assert.Equal(DecodeError.BadHcs, first.Reason);
        Assert.Equal(0, first.Offset);
        Assert.Equal(39, first.DeclaredLength);
        Assert.Equal(1, log.Statistics.Discards(DecodeError.BadHcs));
        Assert.Equal(Kaifa.Length, log.Statistics.DiscardedBytes);
    }

    [Fact]
    public void TryRead_BadFcs_DiscardsWithBadFcs()
    {
        var log = FrameReaderHarness.ReadSpans(Bytes.Flip(Kaifa, 30));

        Assert.Empty(log.Frames);
        var first = log.Discards[0];
        Assert.Equal(DecodeError.BadFcs, first.Reason);
        Assert.Equal(0, first.Offset);
        Assert.Equal(39, first.DeclaredLength);
        Assert.Equal(1, log.Statistics.Discards(DecodeError.BadFcs));
        Assert.Equal(Kaifa.Length, log.Statistics.DiscardedBytes);
    }

    [Theory]
    [InlineData("hassams-kaifa-bad-fcs", DecodeError.BadFcs)]
    [InlineData("hassams-kaifa-bad-hcs", DecodeError.BadHcs)]
    [InlineData("hassams-aidon-se-bad-fcs", DecodeError.BadFcs)]
    [InlineData("amsreader-kamstrup-no-gh175-1-bad-fcs", DecodeError.BadFcs)]
    public void TryRead_CorruptedCorpusFrame_IsDiscardedForTheStatedReason(string id, DecodeError reason)
    {
        var log = FrameReaderHarness.ReadSpans(Vectors.ById(id).Input);

        Assert.Empty(log.Frames);
        Assert.Equal(reason, log.Discards[0].Reason);
        Assert.Equal(0, log.Discards[0].Offset);
    }

    [Fact]
    public void TryRead_MissingClosingFlag_DiscardsWithMissingClosingFlag()
    {
        var input = (byte[])Kaifa.Clone();
        input[^1] = 0x00;

        var log = FrameReaderHarness.ReadSpans(input);

        Assert.Empty(log.Frames);
        Assert.Equal(DecodeError.MissingClosingFlag, log.Discards[0].Reason);
        Assert.Equal(0, log.Discards[0].Offset);
        Assert.Equal(39, log.Discards[0].DeclaredLength);
    }

    [Fact]
    public void TryRead_MissingClosingFlagThenGoodFrame_FindsTheGoodFrame()
    {
        var damaged = (byte[])Kaifa.Clone();
        damaged[^1] = 0x00;

        var log = FrameReaderHarness.ReadSpans(Bytes.Concat(damaged, KaifaWithFlagInside));

        var frame = Assert.Single(log.Frames);
        Assert.Equal(41, frame.Offset);
        Assert.Equal(DecodeError.MissingClosingFlag, log.Discards[0].Reason);
        Assert.Equal(41, log.Statistics.DiscardedBytes);
    }

    [Fact]
    public void TryRead_TruncatedAtEndOfFinalBlock_DiscardsWithTruncated()
    {
        var log = FrameReaderHarness.ReadSpans(Kaifa[..30]);

        Assert.Empty(log.Frames);
        Assert.Equal(DecodeError.Truncated, log.Discards[0].Reason);
        Assert.Equal(0, log.Discards[0].Offset);
        Assert.Equal(39, log.Discards[0].DeclaredLength);
        Assert.Equal(30, log.Statistics.DiscardedBytes);
    }

    [Theory]
    [InlineData("hassams-kaifa-truncated-8-bytes")]
    [InlineData("hassams-kamstrup-truncated")]
    [InlineData("amsreader-aidon-se-gh146-1-truncated")]
    public void TryRead_TruncatedCorpusFrame_IsDiscardedAsTruncated(string id)
    {
        var input = Vectors.ById(id).Input;

        var log = FrameReaderHarness.ReadSpans(input);

        Assert.Empty(log.Frames);
        Assert.Equal(DecodeError.Truncated, log.Discards[0].Reason);
        Assert.Equal(input.Length, log.Statistics.DiscardedBytes);
    }

    [Fact]
    public void TryRead_FrameCutAtFlagOnlyAtEnd_DiscardsWithTruncated()
    {
        var log = FrameReaderHarness.ReadSpans([0x7E, 0xA0]);

        Assert.Empty(log.Frames);
        Assert.Equal(DecodeError.Truncated, log.Discards[0].Reason);
    }

    [Fact]
    public void TryRead_IncompleteFrameNotFinal_NeedsMoreDataAndConsumesNothing()
    {
        var reader = new HdlcFrameReader();

        var status = reader.TryRead(Kaifa.AsSpan(0, 30), isFinalBlock: false, out var consumed, out _, out _);

        Assert.Equal(FrameReadStatus.NeedMoreData, status);
        Assert.Equal(0, consumed);
        Assert.Equal(0, reader.Position);
    }

    [Fact]
    public void TryRead_TruncatedFrameThenGoodFrame_FindsTheGoodFrame()
    {
        // The cut frame declares 39 bytes; where its closing flag should be sits byte 20 of the next frame.
        var input = Bytes.Concat(Kaifa[..20], KaifaWithFlagInside);

        var log = FrameReaderHarness.ReadSpans(input);

        var frame = Assert.Single(log.Frames);
        Assert.Equal(20, frame.Offset);
        Assert.Equal(KaifaWithFlagInside[1..^1], frame.Body);
        Assert.Equal(DecodeError.MissingClosingFlag, log.Discards[0].Reason);
        Assert.Equal(0, log.Discards[0].Offset);
        Assert.Equal(20, log.Statistics.DiscardedBytes);
    }

    [Fact]
    public void TryRead_TruncatedLongFrameThenShortGoodFrames_FindsEveryGoodFrame()
    {
        // A Kamstrup frame (declared 226 bytes) cut to 11 bytes, then two Kaifa frames (82 bytes in all):
        // the declared end lies beyond the input, yet the good frames after the cut must not be swallowed.
        var input = Bytes.Concat(Vectors.ById("hassams-kamstrup-truncated").Input, Kaifa, KaifaWithFlagInside);

        var log = FrameReaderHarness.ReadSpans(input, chunkSize: 5);

        Assert.Equal([11L, 52L], log.Frames.Select(f => f.Offset));
        Assert.Equal(DecodeError.Truncated, log.Discards[0].Reason);
    }

    [Fact]
    public void TryRead_BadFrameThenGoodFrameSharingItsFlag_FindsTheGoodFrame()
    {
        var input = HdlcFrameBuilder.ShareFlags(Bytes.Flip(Kaifa, 30), KaifaWithFlagInside);

        var log = FrameReaderHarness.ReadSpans(input);

        var frame = Assert.Single(log.Frames);
        Assert.Equal(40, frame.Offset);
        Assert.Equal(DecodeError.BadFcs, log.Discards[0].Reason);
    }

    [Fact]
    public void TryRead_BadFrameBetweenGoodFramesSharingFlags_LosesOnlyTheBadFrame()
    {
        var input = HdlcFrameBuilder.ShareFlags(Kaifa, Bytes.Flip(Kaifa, 30), KaifaWithFlagInside);

        var log = FrameReaderHarness.ReadSpans(input);

        Assert.Equal([0L, 80L], log.Frames.Select(f => f.Offset));
        Assert.Equal(1, log.Statistics.Discards(DecodeError.BadFcs));
        Assert.Equal(40, log.Discards.First(d => d.Reason == DecodeError.BadFcs).Offset);

        // The shared flags belong to the good frames; the bad frame's 39 inner bytes are discarded.
        Assert.Equal(39, log.Statistics.DiscardedBytes);
    }

    [Fact]
    public void TryRead_DeclaredLengthBelowMinimum_DiscardsWithBadLength()
    {
        var input = Bytes.Concat([0x7E, 0xA0, 0x03, 0x41, 0x03, 0x7E], Kaifa);

        var log = FrameReaderHarness.ReadSpans(input);

        Assert.Equal(DecodeError.BadLength, log.Discards[0].Reason);
        Assert.Equal(0, log.Discards[0].Offset);
        Assert.Equal(6, Assert.Single(log.Frames).Offset);
    }

    [Fact]
    public void TryRead_GarbageBeforeFirstFrame_IsSkippedBytesAtOffset0()
    {
        var garbage = "GARBAGE!"u8.ToArray();

        var log = FrameReaderHarness.ReadSpans(Bytes.Concat(garbage, Kaifa));

        Assert.Equal(new FrameDiscard(DecodeError.SkippedBytes, 0, 8, 0), Assert.Single(log.Discards));
        Assert.Equal(8, Assert.Single(log.Frames).Offset);
        Assert.Equal(8, log.Statistics.DiscardedBytes);
    }

    [Fact]
    public void TryRead_GarbageBetweenFrames_IsSkippedBytesWithItsOffsetAndCount()
    {
        var garbage = "noise"u8.ToArray();

        var log = FrameReaderHarness.ReadSpans(Bytes.Concat(Kaifa, garbage, KaifaWithFlagInside));

        Assert.Equal(new FrameDiscard(DecodeError.SkippedBytes, 41, 5, 0), Assert.Single(log.Discards));
        Assert.Equal([0L, 46L], log.Frames.Select(f => f.Offset));
        Assert.Equal(82, log.Statistics.FrameBytes);
        Assert.Equal(5, log.Statistics.DiscardedBytes);
    }

    [Fact]
    public void TryRead_CrLfAfterFrame_IsSkippedBytes()
    {
        // A gateway that appends CR LF after each frame (vectors: issue-amshan-ha-48-aidon-list1-crlf-suffix).
        var input = Vectors.ById("issue-amshan-ha-48-aidon-list1-crlf-suffix").Input;

        var log = FrameReaderHarness.ReadSpans(input);

        Assert.Single(log.Frames);
        Assert.Equal(new FrameDiscard(DecodeError.SkippedBytes, input.Length - 2, 2, 0), Assert.Single(log.Discards));
    }

    [Fact]
    public void TryRead_GarbageLookingLikeAFormatFieldAfterFrame_KeepsTheClosingFlagWithTheFrame()
    {
        // A5 after a closing flag looks like the start of a frame; when that fails, the flag still closed the frame.
        var input = Bytes.Concat(Kaifa, [0xA5, 0x11, 0x22], KaifaWithFlagInside);

        var log = FrameReaderHarness.ReadSpans(input);

        Assert.Equal([0L, 44L], log.Frames.Select(f => f.Offset));
        Assert.Contains(new FrameDiscard(DecodeError.SkippedBytes, 41, 3, 0), log.Discards);
        Assert.Equal(3, log.Statistics.DiscardedBytes);
        Assert.Equal(82, log.Statistics.FrameBytes);
    }

    [Fact]
    public void TryRead_GarbageWithStrayFlagsBetweenFrames_SkipsExactlyTheGarbage()
    {
        byte[] garbage = [0x11, 0x7E, 0x22, 0x33, 0x7E, 0x7E];

        var log = FrameReaderHarness.ReadSpans(Bytes.Concat(Kaifa, garbage, KaifaWithFlagInside));

        Assert.Equal([0L, 47L], log.Frames.Select(f => f.Offset));
        Assert.All(log.Discards, d => Assert.Equal(DecodeError.SkippedBytes, d.Reason));
        Assert.Equal(6, log.Skipped.Sum(d => d.ByteCount));
        Assert.Equal(41, log.Skipped.First().Offset);
    }

    [Theory]
    [InlineData(new byte[] { 0x7E })]
    [InlineData(new byte[] { 0x7E, 0x7E, 0x7E })]
    [InlineData(new byte[] { 0x00, 0x7E, 0x41, 0x7E })]
    public void TryRead_OnlyFlagsAndNoise_DiscardsEverything(byte[] input)
    {
        var log = FrameReaderHarness.ReadSpans(input);

        Assert.Empty(log.Frames);
        Assert.Equal(input.Length, log.Statistics.DiscardedBytes);
    }
}
