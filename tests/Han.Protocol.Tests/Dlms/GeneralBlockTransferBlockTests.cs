using Han.Protocol.Dlms;

namespace Han.Protocol.Tests.Dlms;

public sealed class GeneralBlockTransferBlockTests
{
    [Fact]
    public void Parse_ShortLengthForm_ExposesTheHeaderFields()
    {
        // The first block of the L+G E450 capture (amsreader gh740): streaming, block 1, 0x70 bytes.
        var apdu = Bytes.Concat(Bytes.Hex("E0 40 00 01 00 00 70"), Filled(0x70));

        var block = GeneralBlockTransferBlock.Parse(apdu);

        Assert.Equal(0x40, block.BlockControl);
        Assert.False(block.IsLastBlock);
        Assert.True(block.IsStreaming);
        Assert.Equal(0, block.Window);
        Assert.Equal(1, block.BlockNumber);
        Assert.Equal(0, block.AcknowledgedBlockNumber);
        Assert.Equal(7, block.BlockDataOffset);
        Assert.Equal(apdu[7..], block.BlockData.ToArray());
        Assert.Equal(apdu, block.Apdu.ToArray());
    }

    [Fact]
    public void Parse_BlockControlBits_AreLastStreamingAndWindow()
    {
        var block = GeneralBlockTransferBlock.Parse(Bytes.Hex("E0 85 01 02 03 04 01 AA"));

        Assert.True(block.IsLastBlock);
        Assert.False(block.IsStreaming);
        Assert.Equal(5, block.Window);
        Assert.Equal(0x0102, block.BlockNumber);
        Assert.Equal(0x0304, block.AcknowledgedBlockNumber);
        Assert.Equal([0xAA], block.BlockData.ToArray());
    }

    [Fact]
    public void Parse_LengthForm81_ReadsOneLengthByte()
    {
        var apdu = Bytes.Concat(Bytes.Hex("E0 C0 00 03 00 00 81 80"), Filled(0x80));

        var block = GeneralBlockTransferBlock.Parse(apdu);

        Assert.Equal(8, block.BlockDataOffset);
        Assert.Equal(128, block.BlockData.Length);
        Assert.True(block.IsLastBlock);
    }

    [Fact]
    public void Parse_LengthForm82_ReadsTwoLengthBytes()
    {
        var apdu = Bytes.Concat(Bytes.Hex("E0 C0 00 01 00 00 82 01 2C"), Filled(300));

        var block = GeneralBlockTransferBlock.Parse(apdu);

        Assert.Equal(9, block.BlockDataOffset);
        Assert.Equal(300, block.BlockData.Length);
    }

    [Fact]
    public void Parse_EmptyBlockData_IsAllowed()
    {
        var block = GeneralBlockTransferBlock.Parse(Bytes.Hex("E0 80 00 01 00 00 00"));

        Assert.True(block.BlockData.IsEmpty);
    }

    [Theory]
    [InlineData("", DecodeError.UnsupportedApdu, 0)]
    [InlineData("0F 00 00 00 00 00 02 00", DecodeError.UnsupportedApdu, 0)]
    [InlineData("DB 08 00 00 00 00 00 00", DecodeError.UnsupportedApdu, 0)]
    [InlineData("E0 40 00 01 00", DecodeError.UnexpectedEnd, 5)]
    [InlineData("E0 40 00 01 00 00", DecodeError.UnexpectedEnd, 6)]
    [InlineData("E0 40 00 00 00 00 01 AA", DecodeError.BlockOutOfOrder, 2)]
    [InlineData("E0 40 00 01 00 00 80 AA", DecodeError.LengthOutOfRange, 6)]
    [InlineData("E0 40 00 01 00 00 85 00 00 00 00 01 AA", DecodeError.LengthOutOfRange, 6)]
    [InlineData("E0 40 00 01 00 00 82 00", DecodeError.UnexpectedEnd, 8)]
    [InlineData("E0 40 00 01 00 00 03 AA BB", DecodeError.UnexpectedEnd, 6)]
    [InlineData("E0 40 00 01 00 00 81 05 AA BB", DecodeError.UnexpectedEnd, 6)]
    [InlineData("E0 40 00 01 00 00 01 AA BB CC", DecodeError.TrailingBytes, 8)]
    public void Parse_MalformedBlock_RaisesDlmsDecodeExceptionAtTheOffset(string hex, DecodeError error, int offset)
    {
        var apdu = Bytes.Hex(hex);

        var exception = Assert.Throws<DecodeException>(() => GeneralBlockTransferBlock.Parse(apdu));

        Assert.Equal(DecodeLayer.Dlms, exception.Layer);
        Assert.Equal(error, exception.Error);
        Assert.Equal(offset, exception.Offset);
        Assert.False(string.IsNullOrWhiteSpace(exception.Detail));
    }

    private static byte[] Filled(int count) => [.. Enumerable.Range(0, count).Select(i => (byte)(i + 1))];
}
