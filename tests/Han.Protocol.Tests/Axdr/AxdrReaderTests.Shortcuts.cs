using Han.Protocol.Axdr;
using Han.Protocol.Cosem;

namespace Han.Protocol.Tests.Axdr;

/// <summary>The shortcuts for what every push list repeats: read when the bytes match, consume nothing when they do not.</summary>
public sealed partial class AxdrReaderTests
{
    [Fact]
    public void TryReadObisCode_OctetStringOfSix_ReadsTheCode()
    {
        var reader = new AxdrReader(Convert.FromHexString("0906010001070000FF"));

        Assert.True(reader.TryReadObisCode(out var code));
        Assert.Equal("1.0.1.7.0.0", code.ToString());
        Assert.Equal(8, reader.Position);
    }

    [Theory]
    [InlineData("0905010001070000")] // an octet-string of 5
    [InlineData("0A06010001070000")] // a visible-string of 6
    [InlineData("09060100010700")] // cut short
    public void TryReadObisCode_NearMiss_ConsumesNothing(string hex)
    {
        var reader = new AxdrReader(Convert.FromHexString(hex));

        Assert.False(reader.TryReadObisCode(out _));
        Assert.Equal(0, reader.Position);
    }

    [Theory]
    [InlineData("0202090601000107 00FF", 2)]
    [InlineData("0203090601000107 00FF", 3)]
    public void TryReadObjectHead_StructureStartingWithObis_LeavesTheReaderOnTheValue(string hex, int expectedMembers)
    {
        var reader = new AxdrReader(Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal) + "06000005DC"));

        Assert.True(reader.TryReadObjectHead(out var code, out var members));
        Assert.Equal("1.0.1.7.0.255", code.ToString());
        Assert.Equal(expectedMembers, members);
        Assert.Equal(10, reader.Position);
        Assert.True(reader.Read().TryGetInt64(out var value));
        Assert.Equal(1500L, value);
    }

    [Theory]
    [InlineData("0204090601000107 00FF06000005DC")] // four members
    [InlineData("0202090501000107 0006000005DC")] // OBIS of 5 bytes
    [InlineData("0102090601000107 00FF06000005DC")] // an array, not a structure
    public void TryReadObjectHead_NearMiss_ConsumesNothing(string hex)
    {
        var reader = new AxdrReader(Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal)));

        Assert.False(reader.TryReadObjectHead(out _, out _));
        Assert.Equal(0, reader.Position);
    }

    [Fact]
    public void TryReadScalerUnit_ScalerAndUnit_ReadsThem()
    {
        var reader = new AxdrReader(Convert.FromHexString("02020FFF1623"));

        Assert.True(reader.TryReadScalerUnit(out var scalerUnit));
        Assert.Equal(new ScalerUnit(-1, CosemUnit.Volt), scalerUnit);
        Assert.Equal(6, reader.Position);
    }

    [Theory]
    [InlineData("02020FFF1123")] // unit not an enum
    [InlineData("02030FFF1623")] // three members
    [InlineData("020211FF1623")] // scaler not an integer
    [InlineData("02020FFF16")] // cut short
    public void TryReadScalerUnit_NearMiss_ConsumesNothing(string hex)
    {
        var reader = new AxdrReader(Convert.FromHexString(hex));

        Assert.False(reader.TryReadScalerUnit(out _));
        Assert.Equal(0, reader.Position);
    }
}
