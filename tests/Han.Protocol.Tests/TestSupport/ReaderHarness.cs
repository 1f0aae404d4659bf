using Han.Protocol.Framing;

namespace Han.Protocol.Tests;

/// <summary>
/// Drives a frame reader the way a caller must (drop the consumed bytes after every call, hand over more
/// bytes on NeedMoreData, finish with isFinalBlock), through either overload, and checks the bookkeeping
/// every reader promises: after every call the position and <c>FrameBytes + DiscardedBytes</c> equal
/// the bytes consumed; at the end every byte is consumed, the discard events add up per reason, and the
/// frames are really in the input where the reader says (checked by the framing's own rules).
/// </summary>
/// <typeparam name="TPiece">The copy of a frame the log keeps (frames may point into the reader's buffer).</typeparam>
internal abstract class ReaderHarness<TReader, TFrame, TPiece>
    where TReader : StreamFrameReader<TFrame>
    where TFrame : allows ref struct
    where TPiece : IReadPiece
{
    /// <summary>Feeds <paramref name="input"/> through the span overload, <paramref name="chunkSize"/> bytes at a time.</summary>
    public ReadLog<TReader, TPiece> FeedSpans(byte[] input, int chunkSize = int.MaxValue)
    {
        var log = NewLog();
        var pending = Array.Empty<byte>();
        var fed = 0;
        var guard = Guard(input);
        while (true)
        {
            CheckProgress(ref guard);
            var isFinal = fed == input.Length;
            var status = log.Reader.TryRead(pending, isFinal, out var consumed, out var frame, out var discard);
            Assert.InRange(consumed, 0, pending.Length);
            CheckCall(status, consumed);
            Record(log, status, in frame, discard);
            pending = pending[consumed..];
            log.Consumed += consumed;
            CheckAccounts(log);
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
    public ReadLog<TReader, TPiece> FeedSequence(byte[] input, IReadOnlyList<int> segmentSizes)
    {
        var log = NewLog();
        var sequence = ChunkSegment.Split(input, segmentSizes);
        var guard = Guard(input);
        while (true)
        {
            CheckProgress(ref guard);
            var before = sequence.Length;
            var status = log.Reader.TryRead(ref sequence, isFinalBlock: true, out var frame, out var discard);
            log.Consumed += before - sequence.Length;
            Record(log, status, in frame, discard);
            CheckAccounts(log);
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
    public ReadLog<TReader, TPiece> FeedSequenceIncrementally(byte[] input, int chunkSize, IReadOnlyList<int> segmentSizes)
    {
        var log = NewLog();
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
                CheckAccounts(log);
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

    protected abstract TReader CreateReader();

    /// <summary>Copies what the log keeps of <paramref name="frame"/> before the next call invalidates it.</summary>
    protected abstract TPiece Copy(in TFrame frame);

    /// <summary>The framing's own rules: where each frame starts and ends in the input, and how frames and discards may meet.</summary>
    protected abstract void CheckPieces(ReadLog<TReader, TPiece> log, byte[] input);

    /// <summary>Checks one discard as it is reported.</summary>
    protected virtual void CheckDiscard(FrameDiscard discard)
    {
    }

    /// <summary>Checks what one call of the span overload returned.</summary>
    protected virtual void CheckCall(FrameReadStatus status, int consumed)
    {
    }

    private ReadLog<TReader, TPiece> NewLog()
    {
        var reader = CreateReader();
        return new ReadLog<TReader, TPiece> { Reader = reader, Statistics = reader.Statistics };
    }

    private void Record(ReadLog<TReader, TPiece> log, FrameReadStatus status, in TFrame frame, FrameDiscard discard)
    {
        switch (status)
        {
            case FrameReadStatus.Frame:
                log.Frames.Add(Copy(in frame));
                break;
            case FrameReadStatus.Discarded:
                CheckDiscard(discard);
                log.Discards.Add(discard);
                break;
        }
    }

    /// <summary>The accounting holds after every call, not only at the end.</summary>
    private static void CheckAccounts(ReadLog<TReader, TPiece> log)
    {
        Assert.Equal(log.Consumed, log.Reader.Position);
        Assert.Equal(log.Consumed, log.Statistics.FrameBytes + log.Statistics.DiscardedBytes);
    }

    private void CheckEnd(ReadLog<TReader, TPiece> log, byte[] input)
    {
        var statistics = log.Statistics;
        Assert.Equal(input.Length, log.Consumed);
        Assert.Equal(log.Frames.Count, statistics.Frames);
        Assert.Equal(statistics.DiscardedBytes, log.Discards.Sum(d => (long)d.ByteCount));
        foreach (var reason in Enum.GetValues<DecodeError>())
        {
            Assert.Equal(log.Discards.Count(d => d.Reason == reason), statistics.Discards(reason));
        }

        foreach (var discard in log.Discards)
        {
            Assert.InRange(discard.Offset, 0, input.Length - 1);
            Assert.InRange(discard.Offset + discard.ByteCount, 0, input.Length);
        }

        CheckPieces(log, input);
    }

    private static int Guard(byte[] input) => (4 * input.Length) + 100;

    private static void CheckProgress(ref int guard)
    {
        if (--guard < 0)
        {
            Assert.Fail("the reader keeps returning without making progress");
        }
    }
}
