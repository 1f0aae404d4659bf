using Han.Protocol.Framing;
using Han.Protocol.Hdlc;
using Han.TestCorpus;

namespace Han.Protocol.Tests.Hdlc;

public sealed partial class HdlcFrameReaderTests
{
    /// <summary>protocol.md §2.1: 41 bytes on the wire, length field 39.</summary>
    private static readonly byte[] Kaifa = Bytes.Hex(
        "7E A0 27 01 02 01 10 5A 87 E6 E7 00 0F 40 00 00 00 09 0C 07 E1 09 0C 02 17 12 2A FF 80 00 00 02 01 06 00 00 05 28 B8 0C 7E");

    /// <summary>A second real Kaifa frame, also 41 bytes, with 0x7E as the last information byte.</summary>
    private static readonly byte[] KaifaWithFlagInside = Vectors.ById("amshan-hdlc-kaifa-list1-0x7E-in-info").Input;

    private static readonly byte[] AidonList1 = Vectors.ById("hassams-aidon-no-list1").Input;

    private static readonly byte[] Kamstrup = Vectors.ById("kamstrup-doc-ex1-list1-3ph").Input;

    private static readonly int[][] SegmentPatterns = [[1], [3], [0, 5, 1, 17], [64], [1000], [2, 0, 0, 300, 1]];

    public static TheoryData<string> FrameVectors() =>
        [.. Vectors.All.Where(c => c.Kind is "hdlc" or "hdlc-stream").Select(c => c.Id)];

    [Fact]
    public void TryRead_OneFrame_ReturnsItAndLeavesTheClosingFlagForTheNextCall()
    {
        var reader = new HdlcFrameReader();

        var status = reader.TryRead(Kaifa, isFinalBlock: false, out var consumed, out var frame, out _);

        Assert.Equal(FrameReadStatus.Frame, status);
        Assert.Equal(0, frame.Offset);
        Assert.Equal(Kaifa[1..^1], frame.Body.ToArray());
        Assert.Equal(40, consumed);

        status = reader.TryRead(Kaifa.AsSpan(40), isFinalBlock: true, out consumed, out _, out _);

        Assert.Equal(FrameReadStatus.NeedMoreData, status);
        Assert.Equal(1, consumed);
        Assert.Equal(41, reader.Position);
        Assert.Equal(1, reader.Statistics.Frames);
        Assert.Equal(41, reader.Statistics.FrameBytes);
        Assert.Equal(0, reader.Statistics.DiscardedBytes);
    }

    [Theory]
    [InlineData("kamstrup-doc-ex1-list1-3ph")]
    [InlineData("kamstrup-doc-ex3-list2-1ph")]
    [InlineData("amshan-hdlc-kaifa-list1-0x7E-in-info")]
    [InlineData("aidon-no-doc-list2-1ph")]
    [InlineData("aidon-se-rj12-doc-3ph")]
    [InlineData("roarfred-kaifa-list1-2017-09-12")]
    [InlineData("hassams-aidon-no-list2")]
    [InlineData("amsreader-kaifa-se-gh242-4-ct-uint64")]
    [InlineData("amsreader-iskra-hr-gh1072-1-hdlc-segment1")]
    public void TryRead_RealSingleFrame_IsTheWholeInput(string id)
    {
        var input = Vectors.ById(id).Input;

        var log = FrameReaderHarness.ReadSpans(input);

        var frame = Assert.Single(log.Frames);
        Assert.Equal(0, frame.Offset);
        Assert.Equal(input[1..^1], frame.Body);
        Assert.Empty(log.Discards);
        Assert.Equal(input.Length, log.Statistics.FrameBytes);
    }

    [Fact]
    public void TryRead_FlagByteInsideInformation_IsReadByLength()
    {
        var inner = Array.IndexOf(KaifaWithFlagInside, (byte)0x7E, 1);
        Assert.InRange(inner, 2, KaifaWithFlagInside.Length - 2); // the vector really has 0x7E inside

        var log = FrameReaderHarness.ReadSpans(KaifaWithFlagInside, chunkSize: 1);

        var frame = Assert.Single(log.Frames);
        Assert.Equal(KaifaWithFlagInside[1..^1], frame.Body);
        Assert.Empty(log.Discards);
    }

    [Fact]
    public void TryRead_Kaifa559FrameCapture_Yields559Frames()
    {
        var log = FrameReaderHarness.ReadSpans(Vectors.ById("roarfred-kaifa-stream-559-frames").Input);

        Assert.Equal(559, log.Frames.Count);
    }

    [Fact]
    public void TryRead_Kaifa559FrameCaptureWithoutItsFirst10Bytes_SkipsThePartialFrameOnly()
    {
        var input = Vectors.ById("roarfred-kaifa-stream-559-frames").Input;
        var whole = FrameReaderHarness.ReadSpans(input);

        var cut = FrameReaderHarness.ReadSpans(input[10..]);

        Assert.Equal(558, cut.Frames.Count);
        Assert.Equal(
            Describe(whole.Frames.Skip(1).Select(f => f with { Offset = f.Offset - 10 })),
            Describe(cut.Frames));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(4096)]
    public void TryRead_Kaifa559FrameCaptureInChunks_GivesTheSameFrames(int chunkSize)
    {
        var input = Vectors.ById("roarfred-kaifa-stream-559-frames").Input;
        var whole = FrameReaderHarness.ReadSpans(input);

        var chunked = FrameReaderHarness.ReadSpans(input, chunkSize);

        Assert.Equal(Describe(whole.Frames), Describe(chunked.Frames));
    }

    [Fact]
    public void TryRead_FramesSharingFlags_AreAllFound()
    {
        var input = HdlcFrameBuilder.ShareFlags(Kaifa, KaifaWithFlagInside, AidonList1);

        var log = FrameReaderHarness.ReadSpans(input);

        Assert.Equal(
            Describe([new(0, Kaifa[1..^1]), new(40, KaifaWithFlagInside[1..^1]), new(80, AidonList1[1..^1])]),
            Describe(log.Frames));
        Assert.Empty(log.Discards);
        Assert.Equal(input.Length, log.Statistics.FrameBytes);
    }

    [Fact]
    public void TryRead_FramesEachWithTheirOwnFlags_AreAllFound()
    {
        var input = Bytes.Concat(Kaifa, KaifaWithFlagInside, Kamstrup);

        var log = FrameReaderHarness.ReadSpans(input);

        Assert.Equal([0L, 41L, 82L], log.Frames.Select(f => f.Offset));
        Assert.Empty(log.Discards);
    }

    [Fact]
    public void TryRead_EmptyFinalBlock_NeedsMoreDataAndConsumesNothing()
    {
        var reader = new HdlcFrameReader();

        Assert.Equal(FrameReadStatus.NeedMoreData, reader.TryRead([], isFinalBlock: true, out var consumed, out _, out _));
        Assert.Equal(0, consumed);
    }

    [Fact]
    public void TryRead_FedByteByByte_NeedsMoreDataUntilTheClosingFlagThenReturnsTheFrame()
    {
        var reader = new HdlcFrameReader();
        var wire = KaifaWithFlagInside;
        for (var available = 1; available < wire.Length; available++)
        {
            var status = reader.TryRead(wire.AsSpan(0, available), isFinalBlock: false, out var consumed, out _, out _);

            Assert.Equal(FrameReadStatus.NeedMoreData, status);
            Assert.Equal(0, consumed);
        }

        Assert.Equal(FrameReadStatus.Frame, reader.TryRead(wire, isFinalBlock: false, out var used, out var frame, out _));
        Assert.Equal(0, frame.Offset);
        Assert.Equal(wire[1..^1], frame.Body.ToArray());
        Assert.Equal(wire.Length - 1, used);
    }

    [Theory]
    [MemberData(nameof(FrameVectors))]
    public void TryRead_CorpusInputByteByByte_GivesTheSameFramesAsAllAtOnce(string id)
    {
        var input = Vectors.ById(id).Input;
        var whole = FrameReaderHarness.ReadSpans(input);

        var trickled = FrameReaderHarness.ReadSpans(input, chunkSize: 1);

        Assert.Equal(Describe(whole.Frames), Describe(trickled.Frames));
        Assert.Equal(whole.Statistics.DiscardedBytes, trickled.Statistics.DiscardedBytes);
    }

    [Theory]
    [MemberData(nameof(FrameVectors))]
    public void TryRead_CorpusInputAsMultiSegmentSequence_GivesTheSameFramesAsTheSpanOverload(string id)
    {
        var input = Vectors.ById(id).Input;
        var expected = Describe(FrameReaderHarness.ReadSpans(input).Frames);

        foreach (var pattern in SegmentPatterns)
        {
            var log = FrameReaderHarness.ReadSequence(input, pattern);

            Assert.Equal(expected, Describe(log.Frames));
        }
    }

    [Fact]
    public void TryRead_SequenceOfMixedStreamInTinySegments_GivesTheSameFramesAndAccounting()
    {
        var input = MixedStream();
        var spans = FrameReaderHarness.ReadSpans(input);
        Assert.Equal(4, spans.Frames.Count);

        foreach (var pattern in SegmentPatterns)
        {
            var log = FrameReaderHarness.ReadSequence(input, pattern);

            Assert.Equal(Describe(spans.Frames), Describe(log.Frames));
            Assert.Equal(spans.Statistics.DiscardedBytes, log.Statistics.DiscardedBytes);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(13)]
    [InlineData(500)]
    public void TryRead_SequenceFedIncrementally_GivesTheSameFramesAsTheSpanOverload(int chunkSize)
    {
        var input = Bytes.Concat(MixedStream(), Vectors.ById("roarfred-kaifa-stream-559-frames").Input[..3000]);
        var expected = Describe(FrameReaderHarness.ReadSpans(input).Frames);

        var log = FrameReaderHarness.ReadSequenceIncrementally(input, chunkSize, [1, 7, 0, 2]);

        Assert.Equal(expected, Describe(log.Frames));
    }

    [Fact]
    public void TryRead_MaximumLengthFramesInOneByteSegments_AreFound()
    {
        var random = new Random(2047);
        var first = new byte[2037];
        var second = new byte[2037];
        random.NextBytes(first);
        random.NextBytes(second);
        var a = HdlcFrameBuilder.Push(first);
        var b = HdlcFrameBuilder.Push(second);
        Assert.Equal(2049, a.Length);
        var input = Bytes.Concat(HdlcFrameBuilder.ShareFlags(a, b), "xy"u8.ToArray(), a);

        var log = FrameReaderHarness.ReadSequence(input, [1]);

        Assert.Equal([0L, 2048L, 4099L], log.Frames.Select(f => f.Offset));
        Assert.Equal(a[1..^1], log.Frames[0].Body);
        Assert.Equal(b[1..^1], log.Frames[1].Body);
    }

    [Fact]
    public void TryRead_RandomGarbageAroundRealFrames_FindsEveryFrameAtItsOffset()
    {
        var random = new Random(1662);
        byte[][] frames =
        [
            Kaifa, KaifaWithFlagInside, AidonList1, Kamstrup,
            HdlcFrameBuilder.Push([0xE6, 0xE7, 0x00, 0x7E, 0x7E, 0xA0, 0x7E]),
            HdlcFrameBuilder.Build([0x41], [0x03], 0x93, []),
        ];
        var input = new List<byte>();
        var expected = new List<ReadFrame>();
        for (var i = 0; i < 300; i++)
        {
            var frame = frames[random.Next(frames.Length)];
            var garbageLength = random.Next(0, 4) == 0 ? 0 : random.Next(1, 40);
            var share = garbageLength == 0 && input.Count > 0 && random.Next(2) == 0;
            if (share)
            {
                input.RemoveAt(input.Count - 1); // the previous closing flag opens this frame
            }

            for (var g = 0; g < garbageLength; g++)
            {
                // Noise that looks like HDLC: flags, format bytes, and plain bytes.
                input.Add(random.Next(4) switch
                {
                    0 => 0x7E,
                    1 => (byte)(0xA0 | random.Next(16)),
                    _ => (byte)random.Next(256),
                });
            }

            expected.Add(new ReadFrame(input.Count, frame[1..^1]));
            input.AddRange(frame);
        }

        var data = input.ToArray();
        var whole = FrameReaderHarness.ReadSpans(data);
        Assert.Equal(Describe(expected), Describe(whole.Frames));
        Assert.Equal(Describe(expected), Describe(FrameReaderHarness.ReadSpans(data, chunkSize: 1).Frames));
        Assert.Equal(Describe(expected), Describe(FrameReaderHarness.ReadSpans(data, chunkSize: 61).Frames));
        Assert.Equal(Describe(expected), Describe(FrameReaderHarness.ReadSequence(data, [1, 0, 7, 2]).Frames));
        Assert.Equal(Describe(expected), Describe(FrameReaderHarness.ReadSequenceIncrementally(data, 37, [3, 1]).Frames));
    }

    [Fact]
    public void Statistics_FrameAndDiscardCounts_MatchWhatWasRead()
    {
        var input = Bytes.Concat("xx"u8.ToArray(), Kaifa, Bytes.Flip(Kaifa, 8), KaifaWithFlagInside, Bytes.Flip(Kaifa, 30));

        var log = FrameReaderHarness.ReadSpans(input);

        Assert.Equal(2, log.Statistics.Frames);
        Assert.Equal(1, log.Statistics.Discards(DecodeError.BadHcs));
        Assert.Equal(1, log.Statistics.Discards(DecodeError.BadFcs));
        Assert.Equal(82, log.Statistics.FrameBytes);
        Assert.Equal(input.Length - 82, log.Statistics.DiscardedBytes);
    }

    /// <summary>Garbage, frames with own and shared flags, a bad frame, a cut frame, CR LF.</summary>
    private static byte[] MixedStream() => Bytes.Concat(
        "junk"u8.ToArray(),
        HdlcFrameBuilder.ShareFlags(Kaifa, KaifaWithFlagInside),
        Bytes.Flip(Kamstrup, 100),
        AidonList1,
        [0x0D, 0x0A],
        Kaifa[..25],
        Kamstrup,
        [0x7E, 0x7E]);

    private static string[] Describe(IEnumerable<ReadFrame> frames) =>
        [.. frames.Select(f => $"{f.Offset}:{Convert.ToHexString(f.Body)}")];
}
