using Han.Protocol.Hdlc;

namespace Han.Protocol.Tests;

/// <summary>A frame the HDLC reader returned: its stream offset and a copy of the bytes between its flags.</summary>
internal sealed record ReadFrame(long Offset, byte[] Body) : IReadPiece
{
    public int Length => Body.Length;

    public override string ToString() => $"frame at {Offset}, {Body.Length} bytes";
}

/// <summary>
/// <see cref="ReaderHarness{TReader, TFrame, TPiece}"/> for <see cref="HdlcFrameReader"/>: every frame lies
/// between two flags at the offset the reader reports, and frames come in stream order sharing at most
/// one flag.
/// </summary>
internal sealed class FrameReaderHarness : ReaderHarness<HdlcFrameReader, HdlcFrame, ReadFrame>
{
    private static readonly FrameReaderHarness Instance = new();

    public static ReadLog<HdlcFrameReader, ReadFrame> ReadSpans(byte[] input, int chunkSize = int.MaxValue) =>
        Instance.FeedSpans(input, chunkSize);

    public static ReadLog<HdlcFrameReader, ReadFrame> ReadSequence(byte[] input, IReadOnlyList<int> segmentSizes) =>
        Instance.FeedSequence(input, segmentSizes);

    public static ReadLog<HdlcFrameReader, ReadFrame> ReadSequenceIncrementally(byte[] input, int chunkSize, IReadOnlyList<int> segmentSizes) =>
        Instance.FeedSequenceIncrementally(input, chunkSize, segmentSizes);

    protected override HdlcFrameReader CreateReader() => new();

    protected override ReadFrame Copy(in HdlcFrame frame) => new(frame.Offset, frame.Body.ToArray());

    protected override void CheckPieces(ReadLog<HdlcFrameReader, ReadFrame> log, byte[] input)
    {
        long previousEnd = -1;
        foreach (var frame in log.Frames)
        {
            Assert.True(frame.Offset >= previousEnd, $"{frame} overlaps the frame before it (which ended at {previousEnd})");
            var start = (int)frame.Offset;
            Assert.Equal(0x7E, input[start]);
            Assert.Equal(0x7E, input[start + 1 + frame.Body.Length]);
            Assert.Equal(input.AsSpan(start + 1, frame.Body.Length).ToArray(), frame.Body);
            previousEnd = start + 1 + frame.Body.Length;
        }
    }
}
