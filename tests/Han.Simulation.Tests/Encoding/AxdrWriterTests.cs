using Han.Protocol.Axdr;
using Han.Protocol.Cosem;
using Han.Simulation.Encoding;

namespace Han.Simulation.Tests.Encoding;

public sealed class AxdrWriterTests
{
    [Theory]
    [InlineData(0, "00")]
    [InlineData(0x7F, "7F")]
    [InlineData(0x80, "8180")]
    [InlineData(0xFF, "81FF")]
    [InlineData(0x109, "820109")]
    public void Length_EachRange_UsesTheShortestForm(int length, string expected) =>
        Assert.Equal(expected, Convert.ToHexString(new AxdrWriter().Length(length).Written));

    [Fact]
    public void Register_AsAidonSendsIt_ReadsBackWithTheDecodersReader()
    {
        var bytes = new AxdrWriter()
            .Structure(3).Obis(ObisCode.Parse("1-0:31.7.0.255")).Long(-51).ScalerUnit(-1, CosemUnit.Ampere)
            .ToArray();

        Assert.Equal("0203090601001F0700FF10FFCD02020FFF1621", Convert.ToHexString(bytes));
        var reader = new AxdrReader(bytes);
        Assert.True(reader.TryReadObjectHead(out var code, out var members));
        Assert.Equal(ObisCode.Parse("1-0:31.7.0.255"), code);
        Assert.Equal(3, members);
        var value = reader.Read();
        Assert.Equal(DataType.Long, value.Type);
        Assert.True(reader.TryReadScalerUnit(out var scalerUnit));
        Assert.Equal(-1, scalerUnit.Scaler);
    }

    [Fact]
    public void VisibleString_NotAscii_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new AxdrWriter().VisibleString("Målar"));
}
