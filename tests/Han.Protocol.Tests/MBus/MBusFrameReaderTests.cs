using Han.Protocol.Framing;
using Han.Protocol.MBus;
using Han.TestCorpus;

namespace Han.Protocol.Tests.MBus;

public sealed partial class MBusFrameReaderTests
{
    /// <summary>Two frames: 256 bytes (L = 0xFA, CI 00) and 26 bytes (L = 0x14, CI 11); protocol.md §3.2.</summary>
    private static readonly byte[] Evn = Vectors.ById("austria-evn-doc-kaifa-ma309").Input;

    /// <summary>Two frames: 263 bytes (68 01 01 68, the quirk) and 19 bytes (L = 0x0D).</summary>
    private static readonly byte[] Sagemcom = Vectors.ById("austria-sagemcom-t210d-with-key").Input;

    private static readonly int[][] SegmentPatterns = [[1], [3], [0, 5, 1, 17], [64], [263], [1000], [2, 0, 0, 300, 1]];

    public static TheoryData<string> MBusVectors() =>
        [.. Vectors.All.Where(c => c.Kind == "mbus").Select(c => c.Id)];

    [Theory]
    [InlineData("austria-evn-doc-kaifa-ma309", new[] { 256, 26 })]
    [InlineData("austria-tinetz-example-kaifa", new[] { 256, 44 })]
    [InlineData("austria-sagemcom-t210d-with-key", new[] { 263, 19 })]
    [InlineData("amsreader-kaifa-pl-gh905-1-mbus-encrypted", new[] { 256, 120 })]
    public void TryRead_RealCapture_FramesIntoItsSegments(string id, int[] lengths)
    {
        var input = Vectors.ById(id).Input;

        var log = MBusReaderHarness.ReadSpans(input);

        Assert.Equal([0L, lengths[0]], log.Frames.Select(f => f.Offset));
        Assert.Equal(lengths, log.Frames.Select(f => f.Wire.Length));
        Assert.Equal([0x00, 0x11], log.Frames.Select(f => f.Wire[6])); // CI: segment 0, then segment 1 with FIN
        Assert.Empty(log.Discards);
        Assert.Equal(input.Length, log.Statistics.FrameBytes);
    }

    [Fact]
    public void TryRead_OneFrame_ConsumesExactlyItAndAdvancesPosition()
    {
        var reader = new MBusFrameReader();

        var status = reader.TryRead(Evn, isFinalBlock: false, out var consumed, out var frame, out _);

        Assert.Equal(FrameReadStatus.Frame, status);
        Assert.Equal(256, consumed);
        Assert.Equal(0, frame.Offset);
        Assert.Equal(0, frame.SegmentNumber);
        Assert.Equal(256, reader.Position);

        status = reader.TryRead(Evn.AsSpan(consumed), isFinalBlock: false, out consumed, out frame, out _);

        Assert.Equal(FrameReadStatus.Frame, status);
        Assert.Equal(26, consumed);
        Assert.Equal(256, frame.Offset);
        Assert.True(frame.IsLastSegment);
        Assert.Equal(282, reader.Position);
        Assert.Equal(2, reader.Statistics.Frames);
        Assert.Equal(282, reader.Statistics.FrameBytes);
        Assert.Equal(0, reader.Statistics.DiscardedBytes);
    }

    [Fact]
    public void TryRead_EmptyFinalBlock_NeedsMoreDataAndConsumesNothing()
    {
        var reader = new MBusFrameReader();

        Assert.Equal(FrameReadStatus.NeedMoreData, reader.TryRead([], isFinalBlock: true, out var consumed, out _, out _));
        Assert.Equal(0, consumed);
        Assert.Equal(0, reader.Position);
    }

    [Fact]
    public void TryRead_FedByteByByte_NeedsMoreDataUntilTheStopByteThenReturnsTheFrame()
    {
        var reader = new MBusFrameReader();
        var wire = Evn[256..];
        for (var available = 1; available < wire.Length; available++)
        {
            var status = reader.TryRead(wire.AsSpan(0, available), isFinalBlock: false, out var consumed, out _, out _);

            Assert.Equal(FrameReadStatus.NeedMoreData, status);
            Assert.Equal(0, consumed);
        }

        Assert.Equal(FrameReadStatus.Frame, reader.TryRead(wire, isFinalBlock: false, out var used, out var frame, out _));
        Assert.Equal(wire.Length, used);
        Assert.Equal(wire, frame.Wire.ToArray());
    }

    [Fact]
    public void TryRead_SagemcomQuirkFedByteByByte_WaitsFor263BytesNotFor7()
    {
        var reader = new MBusFrameReader();
        for (var available = 1; available < 263; available++)
        {
            var status = reader.TryRead(Sagemcom.AsSpan(0, available), isFinalBlock: false, out var consumed, out _, out _);

            Assert.Equal(FrameReadStatus.NeedMoreData, status);
            Assert.Equal(0, consumed);
        }

        Assert.Equal(FrameReadStatus.Frame, reader.TryRead(Sagemcom.AsSpan(0, 263), isFinalBlock: false, out var used, out var frame, out _));
        Assert.Equal(263, used);
        Assert.Equal(257, frame.Length);
        Assert.Equal(0, reader.Statistics.DiscardedBytes);
    }

    [Theory]
    [MemberData(nameof(MBusVectors))]
    public void TryRead_CorpusInputByteByByte_GivesTheSameFramesAsAllAtOnce(string id)
    {
        var input = Vectors.ById(id).Input;
        var whole = MBusReaderHarness.ReadSpans(input);

        var trickled = MBusReaderHarness.ReadSpans(input, chunkSize: 1);

        Assert.Equal(2, whole.Frames.Count);
        Assert.Equal(whole.Describe(), trickled.Describe());
        Assert.Equal(whole.Statistics.DiscardedBytes, trickled.Statistics.DiscardedBytes);
    }

    [Theory]
    [MemberData(nameof(MBusVectors))]
    public void TryRead_CorpusInputAsMultiSegmentSequence_GivesTheSameFramesAsTheSpanOverload(string id)
    {
        var input = Vectors.ById(id).Input;
        var expected = MBusReaderHarness.ReadSpans(input);

        foreach (var pattern in SegmentPatterns)
        {
            var log = MBusReaderHarness.ReadSequence(input, pattern);

            Assert.Equal(expected.Describe(), log.Describe());
            Assert.Equal(expected.Frames.Select(f => f.Wire), log.Frames.Select(f => f.Wire));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(13)]
    [InlineData(300)]
    public void TryRead_SequenceFedIncrementally_GivesTheSameFramesAsTheSpanOverload(int chunkSize)
    {
        var input = AllCorpusCaptures();
        var expected = MBusReaderHarness.ReadSpans(input);
        Assert.Equal(8, expected.Frames.Count);

        var log = MBusReaderHarness.ReadSequenceIncrementally(input, chunkSize, [1, 7, 0, 2]);

        Assert.Equal(expected.Describe(), log.Describe());
    }

    [Fact]
    public void TryRead_AllCorpusCapturesBackToBack_FindsEveryFrameAtItsOffset()
    {
        var log = MBusReaderHarness.ReadSpans(AllCorpusCaptures());

        // 282 + 300 + 282 + 376 bytes; each capture is two frames.
        Assert.Equal("0+256, 256+26, 282+256, 538+44, 582+263, 845+19, 864+256, 1120+120", log.Describe());
        Assert.Empty(log.Discards);
    }

    [Fact]
    public void TryRead_LargestFramesInOneByteSegments_AreFound()
    {
        var random = new Random(259);
        var longest = new byte[254];
        var plain = new byte[250];
        random.NextBytes(longest);
        random.NextBytes(plain);
        var quirk = MBusFrameBuilder.Segment(0, last: false, longest); // 259 counted bytes: L = 03
        var normal = MBusFrameBuilder.Segment(1, last: true, plain); // 255 counted bytes: L = FF
        Assert.Equal(0x03, quirk[1]);
        Assert.Equal(0xFF, normal[1]);
        var input = Bytes.Concat(quirk, normal, "xy"u8.ToArray(), quirk);

        var log = MBusReaderHarness.ReadSequence(input, [1]);

        Assert.Equal("0+265, 265+261, 528+265", log.Describe());
        Assert.Equal(quirk, log.Frames[0].Wire);
        Assert.Equal(normal, log.Frames[1].Wire);
    }

    private static byte[] AllCorpusCaptures() => Bytes.Concat(
        Evn,
        Vectors.ById("austria-tinetz-example-kaifa").Input,
        Sagemcom,
        Vectors.ById("amsreader-kaifa-pl-gh905-1-mbus-encrypted").Input);
}
