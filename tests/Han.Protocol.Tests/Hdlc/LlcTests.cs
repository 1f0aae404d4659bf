using Han.Protocol.Hdlc;

namespace Han.Protocol.Tests.Hdlc;

public sealed class LlcTests
{
    [Theory]
    [InlineData("E6 E7 00")] // response (every HAN push)
    [InlineData("E6 E6 00")] // command
    [InlineData("E6 E7 00 0F 40")]
    public void HasHeader_LlcHeader_IsTrue(string hex)
    {
        Assert.True(Llc.HasHeader(Bytes.Hex(hex)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("E6 E7")]
    [InlineData("E7 E7 00 0F")] // wrong destination LSAP (vectors: hassams-kaifa-bad-llc-dsap)
    [InlineData("E6 E5 00 0F")]
    [InlineData("E6 E7 01 0F")]
    [InlineData("0F 40 00 00")]
    public void HasHeader_NoLlcHeader_IsFalse(string hex)
    {
        Assert.False(Llc.HasHeader(Bytes.Hex(hex)));
    }

    [Fact]
    public void Strip_WithHeader_RemovesThreeBytes()
    {
        Assert.Equal(Bytes.Hex("0F 40"), Llc.Strip(Bytes.Hex("E6 E7 00 0F 40")).ToArray());
    }

    [Fact]
    public void Strip_WithoutHeader_ReturnsTheInputUnchanged()
    {
        Assert.Equal(Bytes.Hex("0F 40 00"), Llc.Strip(Bytes.Hex("0F 40 00")).ToArray());
    }
}
