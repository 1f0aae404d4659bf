using System.Buffers;
using Han.Protocol.Framing;
using Han.Protocol.Hdlc;

namespace Han.Protocol.Tests;

/// <summary>A frame the reader returned: its stream offset and a copy of the bytes between its flags.</summary>
internal sealed record ReadFrame(long Offset, byte[] Body)
{
    public override string ToString() => $"frame at {Offset}, {Body.Length} bytes";
}

/// <summary>Everything one pass of <see cref="HdlcFrameReader"/> over an input produced.</summary>
internal sealed class ReadLog
{
    public List<ReadFrame> Frames { get; } = [];

    public List<FrameDiscard> Discards { get; } = [];

    public required HdlcFrameReader Reader { get; init; }

    public FramingStatistics Statistics => Reader.Statistics;

    public long Consumed { get; set; }

    public IEnumerable<FrameDiscard> Skipped => Discards.Where(d => d.Reason == DecodeError.SkippedBytes);

    public IEnumerable<FrameDiscard> Rejected => Discards.Where(d => d.Reason != DecodeError.SkippedBytes);
}

/// <summary>
/// Drives an <see cref="HdlcFrameReader"/> the way a caller must (drop the consumed bytes after every
/// call, hand over more bytes on NeedMoreData, finish with isFinalBlock) and checks, for every input,
/// the bookkeeping the design promises: every byte is consumed, <c>FrameBytes + DiscardedBytes</c>
/// equals the bytes consumed, the discard events add up to <c>DiscardedBytes</c>, and every frame is
/// really in the input, between two flags, at the offset the reader reports.
/// </summary>
internal static class FrameReaderHarness
{
    /// <summary>Feeds <paramref name="input"/> through the span overload, <paramref name="chunkSize"/> bytes at a time.</summary>
    public static ReadLog ReadSpans(byte[] input, int chunkSize = int.MaxValue)
    {
        var log = new ReadLog { Reader = new HdlcFrameReader() };
        var pending = Array.Empty<byte>();
        var fed = 0;
        var guard = Guard(input);
        while (true)
        {
            CheckProgress(ref guard);
            var isFinal = fed == input.Length;
            var status = log.Reader.TryRead(pending, isFinal, out var consumed, out var frame, out var discard);
            Assert.InRange(consumed, 0, pending.Length);
            Record(log, status, in frame, discard);
            pending = pending[consumed..];
            log.Consumed += consumed;
            if (status != FrameReadStatus.NeedMoreData)
            {
                continue;
            }

            if (isFinal)
            {
                break;
            }

            var take = (int)Math.Min(chunkSize, input.Length - fed);
            pending = [.. pending, .. input.AsSpan(fed, take)];
            fed += take;
        }

        Assert.Empty(pending);
        Check(log, input);
        return log;
    }

    /// <summary>Feeds the whole input at once as one multi-segment sequence, final block.</summary>
    public static ReadLog ReadSequence(byte[] input, IReadOnlyList<int> segmentSizes)
    {
        var log = new ReadLog { Reader = new HdlcFrameReader() };
        var sequence = ChunkSegment.Split(input, segmentSizes);
        var guard = Guard(input);
        while (true)
        {
            CheckProgress(ref guard);
            var before = sequence.Length;
            var status = log.Reader.TryRead(ref sequence, isFinalBlock: true, out var frame, out var discard);
            log.Consumed += before - sequence.Length;
            Record(log, status, in frame, discard);
            if (status == FrameReadStatus.NeedMoreData)
            {
                break;
            }
        }

        Assert.Equal(0, sequence.Length);
        Check(log, input);
        return log;
    }

    /// <summary>
    /// Like a pipe: the unconsumed bytes plus <paramref name="chunkSize"/> new ones are handed over as a
    /// multi-segment sequence until the reader needs more; the last round is the final block.
    /// </summary>
    public static ReadLog ReadSequenceIncrementally(byte[] input, int chunkSize, IReadOnlyList<int> segmentSizes)
    {
        var log = new ReadLog { Reader = new HdlcFrameReader() };
        var pending = Array.Empty<byte>();
        var fed = 0;
        var guard = Guard(input);
        while (true)
        {
            var isFinal = fed == input.Length;
            var sequence = ChunkSegment.Split(pending, segmentSizes);
            FrameReadStatus status;
            do
            {
                CheckProgress(ref guard);
                var before = sequence.Length;
                status = log.Reader.TryRead(ref sequence, isFinal, out var frame, out var discard);
                log.Consumed += before - sequence.Length;
                Record(log, status, in frame, discard);
            }
            while (status != FrameReadStatus.NeedMoreData);

            pending = pending[(int)(pending.Length - sequence.Length)..];
            if (isFinal)
            {
                break;
            }

            var take = Math.Min(chunkSize, input.Length - fed);
            pending = [.. pending, .. input.AsSpan(fed, take)];
            fed += take;
        }

        Assert.Empty(pending);
        Check(log, input);
        return log;
    }

    private static void Record(ReadLog log, FrameReadStatus status, in HdlcFrame frame, FrameDiscard discard)
    {
        switch (status)
        {
            case FrameReadStatus.Frame:
                // The frame may point into the reader's own buffer: copy it before the next call.
                log.Frames.Add(new ReadFrame(frame.Offset, frame.Body.ToArray()));
                break;
            case FrameReadStatus.Discarded:
                log.Discards.Add(discard);
                break;
        }
    }

    private static void Check(ReadLog log, byte[] input)
    {
        var statistics = log.Statistics;
        Assert.Equal(input.Length, log.Consumed);
        Assert.Equal(input.Length, log.Reader.Position);
        Assert.Equal(log.Consumed, statistics.FrameBytes + statistics.DiscardedBytes);
        Assert.Equal(log.Frames.Count, statistics.Frames);
        Assert.Equal(statistics.DiscardedBytes, log.Discards.Sum(d => (long)d.ByteCount));
        foreach (DecodeError reason in Enum.GetValues<DecodeError>())
        {
            Assert.Equal(log.Discards.Count(d => d.Reason == reason), statistics.Discards(reason));
        }

        long previousEnd = -1;
        foreach (var frame in log.Frames)
        {
            // Frames come in stream order and may share at most one flag.
            Assert.True(frame.Offset >= previousEnd, $"{frame} overlaps the frame before it (which ended at {previousEnd})");
            var start = (int)frame.Offset;
            Assert.Equal(0x7E, input[start]);
            Assert.Equal(0x7E, input[start + 1 + frame.Body.Length]);
            Assert.Equal(input.AsSpan(start + 1, frame.Body.Length).ToArray(), frame.Body);
            previousEnd = start + 1 + frame.Body.Length;
        }

        foreach (var discard in log.Discards)
        {
            Assert.InRange(discard.Offset, 0, input.Length - 1);
            Assert.InRange(discard.Offset + discard.ByteCount, 0, input.Length);
        }
    }

    private static int Guard(byte[] input) => (4 * input.Length) + 100;

    private static void CheckProgress(ref int guard)
    {
        if (--guard < 0)
        {
            Assert.Fail("the frame reader keeps returning without making progress");
        }
    }
}
