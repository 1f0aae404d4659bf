using System.Text;
using Han.Protocol.Framing;
using Han.Protocol.P1;

namespace Han.Protocol.Tests.P1;

/// <summary>A telegram the P1 reader returned: its stream offset, a copy of its text and its identification.</summary>
internal sealed record ReadTelegram(long Offset, byte[] Text, string Identification, bool HasCrc) : IReadPiece
{
    public int Length => Text.Length;

    public string Ascii => Encoding.ASCII.GetString(Text);

    public override string ToString() => $"telegram at {Offset}, {Text.Length} bytes, /{Identification}";
}

/// <summary>
/// <see cref="ReaderHarness{TReader, TFrame, TPiece}"/> for <see cref="P1TelegramReader"/>: every
/// telegram starts with <c>/</c> at the offset the reader reports and holds the input's bytes through its
/// checksum; telegrams do not overlap, nor do discards; a discard costs at least one byte; and the reader
/// never consumes bytes when it asks for more.
/// </summary>
internal sealed class P1ReaderHarness : ReaderHarness<P1TelegramReader, P1Telegram, ReadTelegram>
{
    private static readonly P1ReaderHarness Instance = new();

    public static ReadLog<P1TelegramReader, ReadTelegram> ReadSpans(byte[] input, int chunkSize = int.MaxValue) =>
        Instance.FeedSpans(input, chunkSize);

    public static ReadLog<P1TelegramReader, ReadTelegram> ReadSequenceIncrementally(byte[] input, int chunkSize, IReadOnlyList<int> segmentSizes) =>
        Instance.FeedSequenceIncrementally(input, chunkSize, segmentSizes);

    protected override P1TelegramReader CreateReader() => new();

    protected override ReadTelegram Copy(in P1Telegram frame) =>
        new(frame.Offset, frame.Text.ToArray(), Encoding.ASCII.GetString(frame.Identification), frame.HasCrc);

    protected override void CheckDiscard(FrameDiscard discard) =>
        Assert.True(discard.ByteCount > 0, $"a discard of no bytes ({discard})");

    protected override void CheckCall(FrameReadStatus status, int consumed)
    {
        if (status == FrameReadStatus.NeedMoreData)
        {
            Assert.Equal(0, consumed);
        }
    }

    protected override void CheckPieces(ReadLog<P1TelegramReader, ReadTelegram> log, byte[] input)
    {
        long previousEnd = 0;
        foreach (var telegram in log.Frames)
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
            discardEnd = discard.Offset + discard.ByteCount;
        }
    }
}
