using Han.Protocol.Framing;
using Han.Protocol.MBus;

namespace Han.Protocol.Tests.MBus;

/// <summary>A frame the M-Bus reader returned: its stream offset and a copy of its bytes, 68 through 16.</summary>
internal sealed record MBusReadFrame(long Offset, byte[] Wire)
{
    public override string ToString() => $"frame at {Offset}, {Wire.Length} bytes";
}

/// <summary>Everything one pass of <see cref="MBusFrameReader"/> over an input produced.</summary>
internal sealed class MBusReadLog
{
    public List<MBusReadFrame> Frames { get; } = [];

    public List<FrameDiscard> Discards { get; } = [];

    public MBusFrameReader Reader { get; } = new();

    public FramingStatistics Statistics => Reader.Statistics;

    public long Consumed { get; set; }

    public IEnumerable<FrameDiscard> Rejected => Discards.Where(d => d.Reason != DecodeError.SkippedBytes);

    /// <summary>Offsets and lengths, for comparing two passes in one assertion.</summary>
    public string Describe() => string.Join(", ", Frames.Select(f => $"{f.Offset}+{f.Wire.Length}"));
}

/// <summary>
/// Drives an <see cref="MBusFrameReader"/> the way a caller must (drop the consumed bytes after every
/// call, hand over more bytes on NeedMoreData, finish with isFinalBlock) and checks the bookkeeping the
/// design promises: every byte is consumed, <c>FrameBytes + DiscardedBytes</c> equals the bytes
/// consumed, the discard events add up, and every frame is really in the input at its offset.
/// </summary>
internal static class MBusReaderHarness
{
    /// <summary>Feeds <paramref name="input"/> through the span overload, <paramref name="chunkSize"/> bytes at a time.</summary>
    public static MBusReadLog ReadSpans(byte[] input, int chunkSize = int.MaxValue)
    {
        var log = new MBusReadLog();
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
            Check(log);
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
        CheckEnd(log, input);
        return log;
    }

    /// <summary>Feeds the whole input at once as one multi-segment sequence, final block.</summary>
    public static MBusReadLog ReadSequence(byte[] input, IReadOnlyList<int> segmentSizes)
    {
        var log = new MBusReadLog();
        var sequence = ChunkSegment.Split(input, segmentSizes);
        var guard = Guard(input);
        while (true)
        {
            CheckProgress(ref guard);
            var before = sequence.Length;
            var status = log.Reader.TryRead(ref sequence, isFinalBlock: true, out var frame, out var discard);
            log.Consumed += before - sequence.Length;
            Record(log, status, in frame, discard);
            Check(log);
            if (status == FrameReadStatus.NeedMoreData)
            {
                break;
            }
        }

        Assert.Equal(0, sequence.Length);
        CheckEnd(log, input);
        return log;
    }

    /// <summary>
    /// Like a pipe: the unconsumed bytes plus <paramref name="chunkSize"/> new ones are handed over as a
    /// multi-segment sequence until the reader needs more; the last round is the final block.
    /// </summary>
    public static MBusReadLog ReadSequenceIncrementally(byte[] input, int chunkSize, IReadOnlyList<int> segmentSizes)
    {
        var log = new MBusReadLog();
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
                Check(log);
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
        CheckEnd(log, input);
        return log;
    }

    private static void Record(MBusReadLog log, FrameReadStatus status, in MBusFrame frame, FrameDiscard discard)
    {
        switch (status)
        {
            case FrameReadStatus.Frame:
                // The frame may point into the reader's own buffer: copy it before the next call.
                log.Frames.Add(new MBusReadFrame(frame.Offset, frame.Wire.ToArray()));
                break;
            case FrameReadStatus.Discarded:
                Assert.True(discard.ByteCount > 0, $"a discard must cost at least one byte: {discard}");
                log.Discards.Add(discard);
                break;
        }
    }

    /// <summary>The accounting holds after every call, not only at the end.</summary>
    private static void Check(MBusReadLog log)
    {
        Assert.Equal(log.Consumed, log.Reader.Position);
        Assert.Equal(log.Consumed, log.Statistics.FrameBytes + log.Statistics.DiscardedBytes);
    }

    private static void CheckEnd(MBusReadLog log, byte[] input)
    {
        var statistics = log.Statistics;
        Assert.Equal(input.Length, log.Consumed);
        Assert.Equal(log.Frames.Count, statistics.Frames);
        Assert.Equal(log.Frames.Sum(f => (long)f.Wire.Length), statistics.FrameBytes);
        Assert.Equal(statistics.DiscardedBytes, log.Discards.Sum(d => (long)d.ByteCount));
        foreach (var reason in Enum.GetValues<DecodeError>())
        {
            Assert.Equal(log.Discards.Count(d => d.Reason == reason), statistics.Discards(reason));
        }

        foreach (var frame in log.Frames)
        {
            Assert.Equal(input.AsSpan((int)frame.Offset, frame.Wire.Length).ToArray(), frame.Wire);
        }

        // Frames and discards tile the input: each byte is in exactly one of them, in stream order.
        var pieces = log.Frames.Select(f => (f.Offset, Length: (long)f.Wire.Length, What: f.ToString()))
            .Concat(log.Discards.Select(d => (d.Offset, Length: (long)d.ByteCount, What: d.ToString())))
            .OrderBy(p => p.Offset);
        long previousEnd = 0;
        foreach (var (offset, length, what) in pieces)
        {
            Assert.True(offset == previousEnd, $"{what} does not start where the previous piece ended ({previousEnd})");
            previousEnd = offset + length;
        }

        Assert.Equal(input.Length, previousEnd);
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
