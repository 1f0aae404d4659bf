using Han.Protocol.Hdlc;

namespace Han.Protocol.Tests.Hdlc;

public sealed class HdlcAddressTests
{
    [Theory]
    [InlineData("2B", 0x15)] // Kamstrup destination: client 21 (protocol.md §2.3)
    [InlineData("21", 0x10)] // Kamstrup source: logical device 16
    [InlineData("41", 0x20)] // Aidon destination
    [InlineData("01", 0x00)] // Kaifa destination
    [InlineData("FF", 0x7F)] // all-station
    public void TryRead_OneOctet_IsTheSevenBitValue(string hex, uint upper)
    {
        Assert.True(HdlcAddress.TryRead(Bytes.Hex(hex), out var address));

        Assert.Equal(new HdlcAddress(1, upper, 0), address);
    }

    [Fact]
    public void TryRead_AidonSource0883_IsTwoOctetsUpper4Lower0x41()
    {
        // 08 = 0000100|0 (more follows), 83 = 1000001|1 (last): upper 4, lower 0x41.
        Assert.True(HdlcAddress.TryRead([0x08, 0x83], out var address));

        Assert.Equal(2, address.Length);
        Assert.Equal(4u, address.Upper);
        Assert.Equal(0x41u, address.Lower);
    }

    [Fact]
    public void TryRead_KaifaSource0201_IsUpper1Lower0()
    {
        Assert.True(HdlcAddress.TryRead([0x02, 0x01], out var address));

        Assert.Equal(new HdlcAddress(2, 1, 0), address);
    }

    [Fact]
    public void TryRead_FourOctets_JoinsTwoOctetsPerHalf()
    {
        // upper = 0000000 0000001 = 1; lower = 1111111 1111111 = 0x3FFF.
        Assert.True(HdlcAddress.TryRead([0x00, 0x02, 0xFE, 0xFF], out var address));

        Assert.Equal(new HdlcAddress(4, 1, 0x3FFF), address);
    }

    [Fact]
    public void TryRead_RandomFourOctetAddresses_RoundTrip()
    {
        var random = new Random(31);
        for (var i = 0; i < 500; i++)
        {
            var upper = (uint)random.Next(0, 0x4000);
            var lower = (uint)random.Next(0, 0x4000);
            byte[] octets =
            [
                (byte)((upper >> 7) << 1), (byte)((upper & 0x7F) << 1),
                (byte)((lower >> 7) << 1), (byte)(((lower & 0x7F) << 1) | 1),
            ];

            Assert.True(HdlcAddress.TryRead(octets, out var address));
            Assert.Equal(new HdlcAddress(4, upper, lower), address);
        }
    }

    [Fact]
    public void TryRead_AddressFollowedByMoreBytes_ReadsOnlyTheAddress()
    {
        // Kamstrup header: DA 2B, SA 21, control 13.
        Assert.True(HdlcAddress.TryRead([0x2B, 0x21, 0x13], out var address));

        Assert.Equal(1, address.Length);
    }

    [Fact]
    public void TryRead_ThreeOctets_IsRejected()
    {
        Assert.False(HdlcAddress.TryRead([0x00, 0x00, 0x01, 0x13], out var address));
        Assert.Equal(default, address);
    }

    [Theory]
    [InlineData("")]
    [InlineData("02")]
    [InlineData("02 04")]
    [InlineData("00 00 00")]
    [InlineData("00 00 00 00")]
    [InlineData("00 00 00 00 01")] // would end on the fifth octet
    public void TryRead_NoLastOctetWithinFour_IsRejected(string hex)
    {
        Assert.False(HdlcAddress.TryRead(Bytes.Hex(hex), out _));
    }
}
