using Han.Protocol.Dlms;
using Han.Protocol.Framing;

namespace Han.Protocol.Tests.Dlms;

/// <summary>Synthetic blocks: order, duplicates, missing blocks, malformed headers and the size cap.</summary>
public sealed partial class GeneralBlockTransferAssemblerTests
{
    private static readonly byte[] Payload = [.. Enumerable.Range(0, 200).Select(i => (byte)(i * 3))];

    [Fact]
    public void Add_SingleLastBlock_IsCompleteWithoutACopy()
    {
        var apdu = Block(1, last: true, Payload);
        var assembler = new GeneralBlockTransferAssembler();

        var result = assembler.Add(apdu, out var joined, out var abandoned);

        Assert.Equal(SegmentResult.Complete, result);
        Assert.Equal(Payload, joined.ToArray());
        Assert.True(joined.Overlaps(apdu));
        Assert.False(abandoned);
        Assert.Equal(1, assembler.BlockCount);
    }

    [Fact]
    public void Add_BlocksInOrder_JoinTheirData()
    {
        var assembler = new GeneralBlockTransferAssembler();

        Assert.Equal(SegmentResult.Pending, assembler.Add(Block(1, last: false, Payload.AsSpan(0, 150)), out _, out _));
        Assert.True(assembler.IsPending);
        Assert.True(assembler.LastBlockWasFirst);
        Assert.Equal(SegmentResult.Pending, assembler.Add(Block(2, last: false, Payload.AsSpan(150, 1)), out _, out _));
        Assert.False(assembler.LastBlockWasFirst);
        var result = assembler.Add(Block(3, last: true, Payload.AsSpan(151)), out var joined, out _);

        Assert.Equal(SegmentResult.Complete, result);
        Assert.Equal(Payload, joined.ToArray());
        Assert.False(assembler.IsPending);
    }

    [Fact]
    public void Add_BlockNumbersBeyond255_AreReadAsTwoBytes()
    {
        var assembler = new GeneralBlockTransferAssembler();
        var result = SegmentResult.Dropped;
        ReadOnlySpan<byte> joined = default;
        for (var n = 1; n <= 300; n++)
        {
            result = assembler.Add(Block(n, last: n == 300, [(byte)n]), out joined, out _);
        }

        Assert.Equal(SegmentResult.Complete, result);
        Assert.Equal(Enumerable.Range(1, 300).Select(n => (byte)n), joined.ToArray());
        Assert.Equal(300, assembler.BlockCount);
    }

    [Fact]
    public void Add_LaterBlockWithoutTheFirst_IsDropped()
    {
        var assembler = new GeneralBlockTransferAssembler();

        var result = assembler.Add(Block(3, last: false, Payload), out var joined, out var abandoned);

        Assert.Equal(SegmentResult.Dropped, result);
        Assert.True(joined.IsEmpty);
        Assert.False(abandoned);
        Assert.False(assembler.IsPending);
    }

    [Fact]
    public void Add_DuplicateBlock_AbandonsTheTransferAndDropsItsRest()
    {
        var assembler = new GeneralBlockTransferAssembler();
        assembler.Add(Block(1, last: false, Payload.AsSpan(0, 10)), out _, out _);
        assembler.Add(Block(2, last: false, Payload.AsSpan(10, 10)), out _, out _);

        Assert.Equal(SegmentResult.Dropped, assembler.Add(Block(2, last: false, Payload.AsSpan(10, 10)), out _, out var abandoned));
        Assert.True(abandoned);
        Assert.Equal(SegmentResult.Dropped, assembler.Add(Block(3, last: true, Payload.AsSpan(20)), out _, out var again));
        Assert.False(again);

        // The next transfer starts cleanly.
        Assert.Equal(SegmentResult.Complete, assembler.Add(Block(1, last: true, Payload), out var joined, out var clean));
        Assert.False(clean);
        Assert.Equal(Payload, joined.ToArray());
    }

    [Fact]
    public void Add_NewFirstBlockBeforeTheLast_ReportsTheMissingLastAndStartsOver()
    {
        var assembler = new GeneralBlockTransferAssembler();
        assembler.Add(Block(1, last: false, [0xAA]), out _, out _);
        assembler.Add(Block(2, last: false, [0xBB]), out _, out _);

        var restart = assembler.Add(Block(1, last: false, Payload.AsSpan(0, 100)), out _, out var abandoned);
        var complete = assembler.Add(Block(2, last: true, Payload.AsSpan(100)), out var joined, out _);

        Assert.Equal(SegmentResult.Pending, restart);
        Assert.True(abandoned);
        Assert.Equal(SegmentResult.Complete, complete);
        Assert.Equal(Payload, joined.ToArray());
    }

    [Fact]
    public void Reset_MissingLastBlockAtTheEnd_ReturnsTrueAndLaterBlocksAreDropped()
    {
        var assembler = new GeneralBlockTransferAssembler();
        assembler.Add(Block(1, last: false, [0xAA]), out _, out _);

        Assert.True(assembler.Reset());
        Assert.False(assembler.Reset());
        Assert.Equal(SegmentResult.Dropped, assembler.Add(Block(2, last: true, [0xBB]), out _, out var abandoned));
        Assert.False(abandoned);
    }

    [Fact]
    public void Add_LengthPrefixLongerThanTheData_ThrowsAndLeavesThePendingTransfer()
    {
        var assembler = new GeneralBlockTransferAssembler();
        assembler.Add(Block(1, last: false, Payload.AsSpan(0, 50)), out _, out _);
        var bad = Block(2, last: false, Payload.AsSpan(50, 50))[..^10];

        var exception = Assert.Throws<DecodeException>(() => assembler.Add(bad, out _, out _));

        Assert.Equal(DecodeLayer.Dlms, exception.Layer);
        Assert.Equal(DecodeError.UnexpectedEnd, exception.Error);
        Assert.Equal(6, exception.Offset);
        Assert.True(assembler.IsPending);
        Assert.Equal(SegmentResult.Complete, assembler.Add(Block(2, last: true, Payload.AsSpan(50)), out var joined, out _));
        Assert.Equal(Payload, joined.ToArray());
    }

    [Fact]
    public void Add_NotABlockTransfer_ThrowsUnsupportedApdu()
    {
        var assembler = new GeneralBlockTransferAssembler();

        var exception = Assert.Throws<DecodeException>(() => assembler.Add(Bytes.Hex("0F 00 00 00 00 00 02 00"), out _, out _));

        Assert.Equal(DecodeError.UnsupportedApdu, exception.Error);
        Assert.Equal(DecodeLayer.Dlms, exception.Layer);
    }

    [Fact]
    public void Add_BeyondTheCap_IsTooLongAndTheRestIsDropped()
    {
        var assembler = new GeneralBlockTransferAssembler();
        var big = new byte[40_000];

        Assert.Equal(SegmentResult.Pending, assembler.Add(Block(1, last: false, big), out _, out _));
        Assert.Equal(SegmentResult.TooLong, assembler.Add(Block(2, last: false, big), out _, out _));
        Assert.False(assembler.IsPending);
        Assert.Equal(SegmentResult.Dropped, assembler.Add(Block(3, last: true, big), out _, out var abandoned));
        Assert.False(abandoned);
    }

    [Fact]
    public void Add_ExactlyAtTheCap_IsComplete()
    {
        var assembler = new GeneralBlockTransferAssembler();
        Assert.Equal(65536, GeneralBlockTransferAssembler.MaxApduLength);

        Assert.Equal(SegmentResult.Pending, assembler.Add(Block(1, last: false, new byte[32_768]), out _, out _));
        Assert.Equal(SegmentResult.Complete, assembler.Add(Block(2, last: true, new byte[32_768]), out var joined, out _));
        Assert.Equal(65536, joined.Length);
    }

    [Fact]
    public void Add_SingleBlockBeyondTheCap_IsTooLong()
    {
        var apdu = Bytes.Concat(Bytes.Hex("E0 80 00 01 00 00 83 01 00 01"), new byte[65537]);

        Assert.Equal(SegmentResult.TooLong, new GeneralBlockTransferAssembler().Add(apdu, out var joined, out _));
        Assert.True(joined.IsEmpty);
    }

    /// <summary>A general-block-transfer APDU built by hand (protocol.md §4.4), streaming, ack 0.</summary>
    private static byte[] Block(int number, bool last, ReadOnlySpan<byte> data)
    {
        byte[] length = data.Length switch
        {
            < 0x80 => [(byte)data.Length],
            < 0x100 => [0x81, (byte)data.Length],
            _ => [0x82, (byte)(data.Length >> 8), (byte)data.Length],
        };
        return [0xE0, (byte)(last ? 0xC0 : 0x40), (byte)(number >> 8), (byte)number, 0x00, 0x00, .. length, .. data];
    }
}
