using Han.Protocol.Axdr;

namespace Han.Protocol.Tests.Axdr;

public sealed partial class AxdrReaderTests
{
    /// <summary>Fixed-size types and their payload sizes, from protocol.md §5.1 (not from DataTypeInfo).</summary>
    public static TheoryData<byte, int> FixedSizeTypes() => new()
    {
        { 0x00, 0 }, { 0x03, 1 }, { 0x05, 4 }, { 0x06, 4 }, { 0x0D, 1 }, { 0x0F, 1 }, { 0x10, 2 }, { 0x11, 1 },
        { 0x12, 2 }, { 0x14, 8 }, { 0x15, 8 }, { 0x16, 1 }, { 0x17, 4 }, { 0x18, 8 }, { 0x19, 12 }, { 0x1A, 5 },
        { 0x1B, 4 },
    };

    [Theory]
    [MemberData(nameof(FixedSizeTypes))]
    public void Read_FixedSizeType_TakesTagAndExactlyItsPayload(byte tag, int size)
    {
        var payload = Enumerable.Range(1, size).Select(i => (byte)i).ToArray();
        byte[] data = [tag, .. payload, 0xEE];
        var reader = new AxdrReader(data);

        var element = reader.Read();

        Assert.Equal((DataType)tag, element.Type);
        Assert.Equal(0, element.Offset);
        Assert.Equal(1, element.HeaderLength);
        Assert.Equal(size, element.Count);
        Assert.Equal(payload, element.Payload.ToArray());
        Assert.Equal(1 + size, element.End);
        Assert.Equal(1 + size, reader.Position);
        Assert.Equal(1, reader.Remaining);
    }

    [Theory]
    [MemberData(nameof(FixedSizeTypes))]
    public void Read_FixedSizeTypeOneByteShort_ThrowsUnexpectedEnd(byte tag, int size)
    {
        if (size == 0)
        {
            return; // null-data cannot be cut short
        }

        var error = ReadError([tag, .. new byte[size - 1]]);

        Assert.Equal(DecodeError.UnexpectedEnd, error.Error);
        Assert.Equal(DecodeLayer.Axdr, error.Layer);
        Assert.Equal(0, error.Offset);
    }

    [Fact]
    public void FixedSizeTypes_WithTheVariableOnes_CoverEveryDataType()
    {
        byte[] variable = [0x01, 0x02, 0x04, 0x09, 0x0A, 0x0C, 0x13];
        var covered = FixedSizeTypes().Select(row => (byte)row[0]).Concat(variable).Order();

        Assert.Equal(Enum.GetValues<DataType>().Select(t => (byte)t).Order(), covered);
    }

    [Theory]
    [InlineData(0x09)]
    [InlineData(0x0A)]
    [InlineData(0x0C)]
    public void Read_String_CountIsBytesAndPayloadFollowsTheLength(byte tag)
    {
        var reader = new AxdrReader([tag, 0x03, 0x41, 0x42, 0x43, 0x11]);

        var element = reader.Read();

        Assert.Equal((DataType)tag, element.Type);
        Assert.Equal(2, element.HeaderLength);
        Assert.Equal(3, element.Count);
        Assert.Equal("ABC"u8.ToArray(), element.Payload.ToArray());
        Assert.Equal(5, reader.Position);
    }

    [Fact]
    public void Read_EmptyOctetString_HasNoPayload()
    {
        var reader = new AxdrReader([0x09, 0x00]);

        var element = reader.Read();

        Assert.Equal(0, element.Count);
        Assert.True(element.Payload.IsEmpty);
        Assert.True(reader.IsAtEnd);
    }

    [Theory]
    [InlineData("04 00", 0, 0)]
    [InlineData("04 01 80", 1, 1)]
    [InlineData("04 08 AB", 8, 1)]
    [InlineData("04 0A 12 C0", 10, 2)]
    [InlineData("04 10 12 34", 16, 2)]
    [InlineData("04 11 12 34 80", 17, 3)]
    public void Read_BitString_LengthIsInBitsAndPayloadIsWholeBytes(string hex, int bits, int bytes)
    {
        var data = Bytes.Hex(hex + " 11 05");
        var reader = new AxdrReader(data);

        var element = reader.Read();

        Assert.Equal(DataType.BitString, element.Type);
        Assert.Equal(bits, element.Count);
        Assert.Equal(bytes, element.Payload.Length);
        Assert.Equal(2 + bytes, reader.Position);
        Assert.Equal(DataType.Unsigned, reader.PeekType());
    }

    [Fact]
    public void Read_BitStringShortOfItsBytes_ThrowsUnexpectedEnd()
    {
        // 17 bits need 3 bytes; only 2 follow.
        var error = ReadError(Bytes.Hex("04 11 FF FF"));

        Assert.Equal(DecodeError.UnexpectedEnd, error.Error);
        Assert.Equal(0, error.Offset);
    }

    [Fact]
    public void Read_Array_ReturnsHeaderThenTheElementsInTurn()
    {
        var reader = new AxdrReader(Bytes.Hex("01 02 11 07 12 01 00"));

        var array = reader.Read();
        Assert.Equal(DataType.Array, array.Type);
        Assert.True(array.IsContainer);
        Assert.Equal(2, array.Count);
        Assert.Equal(2, array.HeaderLength);
        Assert.True(array.Payload.IsEmpty);
        Assert.Equal(2, array.End);

        var first = reader.Read();
        Assert.Equal(DataType.Unsigned, first.Type);
        Assert.Equal(2, first.Offset);

        var second = reader.Read();
        Assert.Equal(DataType.LongUnsigned, second.Type);
        Assert.Equal(4, second.Offset);
        Assert.True(second.TryGetInt64(out var value));
        Assert.Equal(256, value);
        Assert.True(reader.IsAtEnd);
    }

    [Fact]
    public void Read_EmptyStructure_HasCountZero()
    {
        var reader = new AxdrReader([0x02, 0x00]);

        var structure = reader.Read();

        Assert.Equal(DataType.Structure, structure.Type);
        Assert.Equal(0, structure.Count);
        Assert.True(reader.IsAtEnd);
    }

    [Fact]
    public void Read_LengthPrefix81_TakesOneLengthByte()
    {
        var data = Bytes.Concat([0x09, 0x81, 0x80], new byte[128]);
        var reader = new AxdrReader(data);

        var element = reader.Read();

        Assert.Equal(128, element.Count);
        Assert.Equal(3, element.HeaderLength);
        Assert.Equal(128, element.Payload.Length);
        Assert.True(reader.IsAtEnd);
    }

    [Fact]
    public void Read_LengthPrefix82_TakesTwoBigEndianLengthBytes()
    {
        // protocol.md §5.2 / §4.3: 82 01 09 = 265.
        var data = Bytes.Concat([0x0A, 0x82, 0x01, 0x09], new byte[265]);
        var reader = new AxdrReader(data);

        var element = reader.Read();

        Assert.Equal(265, element.Count);
        Assert.Equal(4, element.HeaderLength);
        Assert.True(reader.IsAtEnd);
    }

    [Fact]
    public void Read_LengthPrefix84_TakesFourBigEndianLengthBytes()
    {
        var data = Bytes.Concat([0x09, 0x84, 0x00, 0x00, 0x01, 0x2C], new byte[300]);
        var reader = new AxdrReader(data);

        var element = reader.Read();

        Assert.Equal(300, element.Count);
        Assert.Equal(6, element.HeaderLength);
        Assert.True(reader.IsAtEnd);
    }

    [Fact]
    public void Read_ArrayCountWithPrefix81_IsTheElementCount()
    {
        var data = Bytes.Concat([0x01, 0x81, 0x82], Enumerable.Repeat<byte>(0x00, 0x82).ToArray());
        var reader = new AxdrReader(data);

        var array = reader.Read();

        Assert.Equal(0x82, array.Count);
        Assert.Equal(3, array.HeaderLength);
        Assert.Equal(3, reader.Position);
    }

    [Fact]
    public void Read_StructureCountWithPrefix82_IsTheMemberCount()
    {
        var reader = new AxdrReader(Bytes.Hex("02 82 00 02 11 01 11 02"));

        var structure = reader.Read();

        Assert.Equal(2, structure.Count);
        Assert.Equal(4, structure.HeaderLength);
    }

    [Theory]
    [InlineData(0x80)]
    [InlineData(0x85)]
    [InlineData(0x88)]
    [InlineData(0xFF)]
    public void Read_LengthPrefixOutside81To84_ThrowsLengthOutOfRange(byte prefix)
    {
        var error = ReadError([0x09, prefix, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]);

        Assert.Equal(DecodeError.LengthOutOfRange, error.Error);
        Assert.Equal(DecodeLayer.Axdr, error.Layer);
    }

    [Theory]
    [InlineData(0x80)]
    [InlineData(0x85)]
    public void Read_ContainerCountPrefixOutside81To84_ThrowsLengthOutOfRange(byte prefix)
    {
        var error = ReadError([0x01, prefix, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]);

        Assert.Equal(DecodeError.LengthOutOfRange, error.Error);
    }

    [Fact]
    public void Read_FourByteLengthBeyondInt32_ThrowsLengthOutOfRange()
    {
        var error = ReadError(Bytes.Hex("09 84 FF FF FF FF 00"));

        Assert.Equal(DecodeError.LengthOutOfRange, error.Error);
    }

    [Theory]
    [InlineData("09 82 01")]
    [InlineData("09 84 00 00 01")]
    [InlineData("09 81")]
    [InlineData("09")]
    [InlineData("01")]
    public void Read_LengthFieldCutShort_ThrowsUnexpectedEnd(string hex)
    {
        var error = ReadError(Bytes.Hex(hex));

        Assert.Equal(DecodeError.UnexpectedEnd, error.Error);
    }

    [Theory]
    [InlineData("09 05 01 02 03")]
    [InlineData("0A 81 80 41 42")]
    [InlineData("0C 84 7F FF FF FF 41")]
    public void Read_StringLongerThanTheData_ThrowsUnexpectedEnd(string hex)
    {
        var error = ReadError(Bytes.Hex(hex));

        Assert.Equal(DecodeError.UnexpectedEnd, error.Error);
        Assert.Equal(0, error.Offset);
    }

    [Theory]
    [InlineData("01 05 11 01")]
    [InlineData("02 03 00 00")]
    [InlineData("01 82 FF FF 00")]
    [InlineData("02 84 7F FF FF FF 00 00")]
    public void Read_ContainerCountLargerThanTheBytesLeft_ThrowsLengthOutOfRange(string hex)
    {
        var error = ReadError(Bytes.Hex(hex));

        Assert.Equal(DecodeError.LengthOutOfRange, error.Error);
        Assert.Equal(0, error.Offset);
    }

    [Fact]
    public void Read_ContainerCountEqualToBytesLeft_IsAccepted()
    {
        // Two null-data elements take one byte each.
        var reader = new AxdrReader(Bytes.Hex("01 02 00 00"));

        reader.SkipValue();

        Assert.True(reader.IsAtEnd);
    }

    [Fact]
    public void Read_TruncatedElementInsideStructure_ReportsThatElementsOffset()
    {
        // structure { unsigned 1, double-long-unsigned cut to 2 of its 4 bytes }
        var error = ReadError(Bytes.Hex("02 02 11 01 06 00 00"), skipFirst: 2);

        Assert.Equal(DecodeError.UnexpectedEnd, error.Error);
        Assert.Equal(4, error.Offset);
    }

    [Fact]
    public void SkipValue_TruncatedNestedElement_ReportsThatElementsOffset()
    {
        var error = SkipError(Bytes.Hex("02 02 11 01 06 00 00"));

        Assert.Equal(DecodeError.UnexpectedEnd, error.Error);
        Assert.Equal(4, error.Offset);
    }

    [Fact]
    public void Read_Failure_ConsumesNothing()
    {
        var reader = new AxdrReader(Bytes.Hex("11 01 12 00"));
        reader.Read();
        var threw = false;

        try
        {
            reader.Read();
        }
        catch (DecodeException)
        {
            threw = true;
        }

        Assert.True(threw);
        Assert.Equal(2, reader.Position);
        Assert.Equal(DataType.LongUnsigned, reader.PeekType());
    }

    [Theory]
    [InlineData(0x07)]
    [InlineData(0x0B)]
    [InlineData(0x08)]
    [InlineData(0x0E)]
    [InlineData(0xFF)]
    public void Read_UnknownTag_ThrowsUnknownDataType(byte tag)
    {
        var error = ReadError([tag, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]);

        Assert.Equal(DecodeError.UnknownDataType, error.Error);
        Assert.Equal(DecodeLayer.Axdr, error.Layer);
        Assert.Equal(0, error.Offset);
    }

    [Fact]
    public void SkipValue_UnknownTagInsideStructure_ReportsItsOffset()
    {
        var error = SkipError(Bytes.Hex("02 02 11 01 07 00"));

        Assert.Equal(DecodeError.UnknownDataType, error.Error);
        Assert.Equal(4, error.Offset);
    }

    [Fact]
    public void PeekType_DoesNotConsume()
    {
        var reader = new AxdrReader(Bytes.Hex("10 FF CD"));

        Assert.Equal(DataType.Long, reader.PeekType());
        Assert.Equal(0, reader.Position);
        Assert.Equal(3, reader.Remaining);
        Assert.False(reader.IsAtEnd);
    }

    [Fact]
    public void PeekType_AtEnd_ThrowsUnexpectedEnd()
    {
        var error = Assert.Throws<DecodeException>(() =>
        {
            var reader = new AxdrReader(ReadOnlySpan<byte>.Empty);
            reader.PeekType();
        });

        Assert.Equal(DecodeError.UnexpectedEnd, error.Error);
    }

    /// <summary><paramref name="depth"/> arrays of one element each, around one null-data.</summary>
    private static byte[] NestedArrays(int depth)
    {
        var data = new byte[(2 * depth) + 1];
        for (var i = 0; i < depth; i++)
        {
            data[2 * i] = 0x01;
            data[(2 * i) + 1] = 0x01;
        }

        return data;
    }

    private static DecodeException ReadError(byte[] data, int skipFirst = 0) =>
        Assert.Throws<DecodeException>(() =>
        {
            var reader = new AxdrReader(data);
            for (var i = 0; i < skipFirst; i++)
            {
                reader.Read();
            }

            reader.Read();
        });

    private static DecodeException SkipError(byte[] data) =>
        Assert.Throws<DecodeException>(() =>
        {
            var reader = new AxdrReader(data);
            reader.SkipValue();
        });
}
