using Han.Protocol.Axdr;
using Han.Protocol.Cosem;

namespace Han.Protocol.Tests.Axdr;

public sealed class AxdrElementTests
{
    [Theory]
    [InlineData("0F 7F", 127)]
    [InlineData("0F 80", -128)]
    [InlineData("0F FF", -1)]
    [InlineData("11 FF", 255)]
    [InlineData("16 1B", 27)]
    [InlineData("16 FF", 255)]
    [InlineData("10 FF CD", -51)] // an Aidon current: long, signed (protocol.md §8 item 4)
    [InlineData("10 80 00", -32768)]
    [InlineData("10 7F FF", 32767)]
    [InlineData("12 FF FF", 65535)]
    [InlineData("12 08 E2", 2274)] // Aidon voltage 227.4 V at scaler -1
    [InlineData("05 FF FF FF FF", -1)]
    [InlineData("05 80 00 00 00", -2147483648L)]
    [InlineData("05 7F FF FF FF", 2147483647L)]
    [InlineData("06 FF FF FF FF", 4294967295L)]
    [InlineData("06 00 00 05 28", 1320)] // Kaifa list-1 power, protocol.md §2.1
    [InlineData("14 FF FF FF FF FF FF FF FE", -2)]
    [InlineData("14 80 00 00 00 00 00 00 00", long.MinValue)]
    [InlineData("15 00 00 00 00 00 00 00 2A", 42)]
    [InlineData("15 00 00 00 01 00 00 00 00", 4294967296L)]
    [InlineData("15 7F FF FF FF FF FF FF FF", long.MaxValue)]
    public void TryGetInt64_IntegerOfEveryWidth_HonoursItsSign(string hex, long expected)
    {
        var reader = new AxdrReader(Bytes.Hex(hex));
        var element = reader.Read();

        Assert.True(element.IsInteger);
        Assert.True(element.TryGetInt64(out var value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void TryGetInt64_Long64UnsignedAboveInt64Max_ReturnsFalse()
    {
        var reader = new AxdrReader(Bytes.Hex("15 80 00 00 00 00 00 00 00"));
        var element = reader.Read();

        Assert.True(element.IsInteger);
        Assert.False(element.TryGetInt64(out _));
        Assert.Equal(0x80, element.Payload[0]);
    }

    [Theory]
    [InlineData("09 02 00 01")]
    [InlineData("03 01")]
    [InlineData("17 3F C0 00 00")]
    [InlineData("0D 12")]
    [InlineData("00")]
    [InlineData("02 00")]
    public void TryGetInt64_NotAnInteger_ReturnsFalse(string hex)
    {
        var reader = new AxdrReader(Bytes.Hex(hex));
        var element = reader.Read();

        Assert.False(element.IsInteger);
        Assert.False(element.TryGetInt64(out _));
    }

    [Theory]
    [InlineData("17 3F C0 00 00", 1.5)]
    [InlineData("17 C0 20 00 00", -2.5)]
    [InlineData("17 42 48 00 00", 50.0)]
    [InlineData("18 40 6C C8 00 00 00 00 00", 230.25)]
    [InlineData("18 BF E0 00 00 00 00 00 00", -0.5)]
    public void ToDouble_Float32AndFloat64_AreBigEndianIeee754(string hex, double expected)
    {
        var reader = new AxdrReader(Bytes.Hex(hex));
        var element = reader.Read();

        Assert.Equal(expected, element.ToDouble());
    }

    [Fact]
    public void ToDouble_Integer_ThrowsInvalidOperation()
    {
        Assert.Throws<InvalidOperationException>(() =>
        {
            var reader = new AxdrReader(Bytes.Hex("12 00 01"));
            reader.Read().ToDouble();
        });
    }

    [Theory]
    [InlineData("03 00", false)]
    [InlineData("03 01", true)]
    public void ToBoolean_Boolean_IsItsValue(string hex, bool expected)
    {
        var reader = new AxdrReader(Bytes.Hex(hex));

        Assert.Equal(expected, reader.Read().ToBoolean());
    }

    [Fact]
    public void ToBoolean_Unsigned_ThrowsInvalidOperation()
    {
        Assert.Throws<InvalidOperationException>(() =>
        {
            var reader = new AxdrReader(Bytes.Hex("11 01"));
            reader.Read().ToBoolean();
        });
    }

    [Fact]
    public void ToObisCode_SixByteOctetString_IsTheCode()
    {
        var reader = new AxdrReader(Bytes.Hex("09 06 01 00 01 07 00 FF"));
        var element = reader.Read();

        Assert.True(element.IsObisCode);
        Assert.Equal(new ObisCode(1, 0, 1, 7, 0, 255), element.ToObisCode());
    }

    [Theory]
    [InlineData("09 05 01 00 01 07 00")]
    [InlineData("09 07 01 00 01 07 00 FF 00")]
    [InlineData("0A 06 01 00 01 07 00 FF")]
    public void ToObisCode_NotASixByteOctetString_ThrowsInvalidOperation(string hex)
    {
        var data = Bytes.Hex(hex);
        var reader = new AxdrReader(data);
        Assert.False(reader.Read().IsObisCode);

        Assert.Throws<InvalidOperationException>(() =>
        {
            var again = new AxdrReader(data);
            again.Read().ToObisCode();
        });
    }

    [Theory]
    [InlineData("19 07E5091B01092F0F00FF8880")]
    [InlineData("09 0C 07E5091B01092F0F00FF8880")]
    public void ToDateTime_DateTimeOrTwelveByteOctetString_IsTheValue(string hex)
    {
        var reader = new AxdrReader(Bytes.Hex(hex));
        var element = reader.Read();

        Assert.True(element.IsDateTime);
        var value = element.ToDateTime();
        Assert.Equal(2021, value.Year);
        Assert.Equal(-120, value.Deviation);
    }

    [Theory]
    [InlineData("09 0B 07E5091B01092F0F00FF88")]
    [InlineData("0A 0C 07E5091B01092F0F00FF8880")]
    [InlineData("1A 07 E5 09 1B 01")]
    public void ToDateTime_OtherElements_ThrowsInvalidOperation(string hex)
    {
        var data = Bytes.Hex(hex);
        var reader = new AxdrReader(data);
        Assert.False(reader.Read().IsDateTime);

        Assert.Throws<InvalidOperationException>(() =>
        {
            var again = new AxdrReader(data);
            again.Read().ToDateTime();
        });
    }

    [Fact]
    public void Offset_ElementInsideBuffer_IsWhereItsTagSits()
    {
        var reader = new AxdrReader(Bytes.Hex("02 02 09 02 AA BB 11 05"));
        reader.Read();
        var octets = reader.Read();
        var unsigned = reader.Read();

        Assert.Equal(2, octets.Offset);
        Assert.Equal(6, octets.End);
        Assert.Equal(6, unsigned.Offset);
        Assert.Equal(8, unsigned.End);
    }
}
