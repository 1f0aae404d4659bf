using System.Buffers;
using System.Text;
using Han.Protocol.Framing;
using Han.Protocol.P1;

namespace Han.Protocol.Tests.P1;

/// <summary>A telegram the P1 reader returned: its stream offset, a copy of its text and its identification.</summary>
internal sealed record ReadTelegram(long Offset, byte[] Text, string Identification, bool HasCrc)
{
    public string Ascii => Encoding.ASCII.GetString(Text);

    public override string ToString() => $"telegram at {Offset}, {Text.Length} bytes, /{Identification}";
}

/// <summary>Everything one pass of <see cref="P1TelegramReader"/> over an input produced.</summary>
internal sealed class P1ReadLog
{
    public List<ReadTelegram> Telegrams { get; } = [];

    public List<FrameDiscard> Discards { get; } = [];

    public P1TelegramReader Reader { get; } = new();

    public FramingStatistics Statistics => Reader.Statistics;

    public long Consumed { get; set; }

    public IEnumerable<FrameDiscard> Rejected => Discards.Where(d => d.Reason != DecodeError.SkippedBytes);

    /// <summary>Offsets and lengths, for comparing two passes in one assertion.</summary>
    public string Describe() => string.Join(", ", Telegrams.Select(t => $"{t.Offset}+{t.Text.Length}"));
}

/// <summary>
/// Drives a <see cref="P1TelegramReader"/> the way a caller must (drop the consumed bytes after every
/// call, hand over more bytes on NeedMoreData, finish with isFinalBlock) and checks the bookkeeping the
/// design promises for every input: every byte is consumed, <c>FrameBytes + DiscardedBytes</c> equals
/// the bytes consumed, the discard events add up, and every telegram is really in the input at its
/// offset, from <c>/</c> through its checksum.
/// </summary>
internal static class P1ReaderHarness
{
    /// <summary>Feeds <paramref name="input"/> through the span overload, <paramref name="chunkSize"/> bytes at a time.</summary>
    public static P1ReadLog ReadSpans(byte[] input, int chunkSize = int.MaxValue)
    {
        var log = new P1ReadLog();
        var pending = Array.Empty<byte>();
        var fed = 0;
        var guard = Guard(input);
        while (true)
        {
            CheckProgress(ref guard);
            var isFinal = fed == input.Length;
            var status = log.Reader.TryRead(pending, isFinal, out var consumed, out var telegram, out var discard);
            Assert.InRange(consumed, 0, pending.Length);
            Record(log, status, in telegram, discard);
            pending = pending[consumed..];
            log.Consumed += consumed;
            if (status != FrameReadStatus.NeedMoreData)
            {
                continue;
            }

            Assert.Equal(0, consumed);
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

    /// <summary>
    /// Like a pipe: the unconsumed bytes plus <paramref name="chunkSize"/> new ones are handed over as a
    /// multi-segment sequence until the reader needs more; the last round is the final block.
    /// </summary>
    public static P1ReadLog ReadSequence(byte[] input, int chunkSize, IReadOnlyList<int> segmentSizes)
    {
        var log = new P1ReadLog();
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
                status = log.Reader.TryRead(ref sequence, isFinal, out var telegram, out var discard);
                log.Consumed += before - sequence.Length;
                Record(log, status, in telegram, discard);
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

    private static void Record(P1ReadLog log, FrameReadStatus status, in P1Telegram telegram, FrameDiscard discard)
    {
        switch (status)
        {
            case FrameReadStatus.Frame:
                // The telegram may point into the reader's own buffer: copy it before the next call.
                log.Telegrams.Add(new ReadTelegram(
                    telegram.Offset, telegram.Text.ToArray(), Encoding.ASCII.GetString(telegram.Identification), telegram.HasCrc));
                break;
            case FrameReadStatus.Discarded:
                Assert.True(discard.ByteCount > 0, $"a discard of no bytes ({discard})");
                log.Discards.Add(discard);
                break;
        }
    }

    private static void Check(P1ReadLog log, byte[] input)
    {
        var statistics = log.Statistics;
        Assert.Equal(input.Length, log.Consumed);
        Assert.Equal(input.Length, log.Reader.Position);
        Assert.Equal(log.Consumed, statistics.FrameBytes + statistics.DiscardedBytes);
        Assert.Equal(log.Telegrams.Count, statistics.Frames);
        Assert.Equal(statistics.DiscardedBytes, log.Discards.Sum(d => (long)d.ByteCount));
        foreach (var reason in Enum.GetValues<DecodeError>())
        {
            Assert.Equal(log.Discards.Count(d => d.Reason == reason), statistics.Discards(reason));
        }

        long previousEnd = 0;
        foreach (var telegram in log.Telegrams)
        {
            Assert.True(telegram.Offset >= previousEnd, $"{telegram} overlaps the telegram before it");
            var start = (int)telegram.Offset;
            Assert.Equal((byte)'/', input[start]);
            Assert.Equal(input.AsSpan(start, telegram.Text.Length).ToArray(), telegram.Text);
            previousEnd = start + telegram.Text.Length;
        }

        long discardEnd = 0;
        foreach (var discard in log.Discards)
        {
            Assert.True(discard.Offset >= discardEnd, $"{discard} overlaps the discard before it");
            Assert.InRange(discard.Offset + discard.ByteCount, 0, input.Length);
            discardEnd = discard.Offset + discard.ByteCount;
        }
    }

    private static int Guard(byte[] input) => (4 * input.Length) + 100;

    private static void CheckProgress(ref int guard)
    {
        if (--guard < 0)
        {
            Assert.Fail("the telegram reader keeps returning without making progress");
        }
    }
}
