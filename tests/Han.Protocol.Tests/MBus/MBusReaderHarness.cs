using Han.Protocol.Framing;
using Han.Protocol.MBus;

namespace Han.Protocol.Tests.MBus;

/// <summary>A frame the M-Bus reader returned: its stream offset and a copy of its bytes, 68 through 16.</summary>
internal sealed record MBusReadFrame(long Offset, byte[] Wire) : IReadPiece
{
    public int Length => Wire.Length;

    public override string ToString() => $"frame at {Offset}, {Wire.Length} bytes";
}

/// <summary>
/// <see cref="ReaderHarness{TReader, TFrame, TPiece}"/> for <see cref="MBusFrameReader"/>: frames and
/// discards tile the input (each byte in exactly one of them, in stream order), and every discard
/// costs at least one byte.
/// </summary>
internal sealed class MBusReaderHarness : ReaderHarness<MBusFrameReader, MBusFrame, MBusReadFrame>
{
    private static readonly MBusReaderHarness Instance = new();

    public static ReadLog<MBusFrameReader, MBusReadFrame> ReadSpans(byte[] input, int chunkSize = int.MaxValue) =>
        Instance.FeedSpans(input, chunkSize);

    public static ReadLog<MBusFrameReader, MBusReadFrame> ReadSequence(byte[] input, IReadOnlyList<int> segmentSizes) =>
        Instance.FeedSequence(input, segmentSizes);

    public static ReadLog<MBusFrameReader, MBusReadFrame> ReadSequenceIncrementally(byte[] input, int chunkSize, IReadOnlyList<int> segmentSizes) =>
        Instance.FeedSequenceIncrementally(input, chunkSize, segmentSizes);

    protected override MBusFrameReader CreateReader() => new();

    protected override MBusReadFrame Copy(in MBusFrame frame) => new(frame.Offset, frame.Wire.ToArray());

    protected override void CheckDiscard(FrameDiscard discard) =>
        Assert.True(discard.ByteCount > 0, $"a discard must cost at least one byte: {discard}");

    protected override void CheckPieces(ReadLog<MBusFrameReader, MBusReadFrame> log, byte[] input)
    {
        Assert.Equal(log.Frames.Sum(f => (long)f.Wire.Length), log.Statistics.FrameBytes);
        foreach (var frame in log.Frames)
        {
            Assert.Equal(input.AsSpan((int)frame.Offset, frame.Wire.Length).ToArray(), frame.Wire);
        }

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
}
