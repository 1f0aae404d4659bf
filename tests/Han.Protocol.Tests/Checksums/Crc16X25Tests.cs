using Han.Protocol.Checksums;

namespace Han.Protocol.Tests.Checksums;

public sealed class Crc16X25Tests
{
    /// <summary>The Kaifa list-1 frame of protocol.md §2.1 (verified there: HCS 5A 87, FCS B8 0C).</summary>
    private static readonly byte[] KaifaFrame = Bytes.Hex(
        "7E A0 27 01 02 01 10 5A 87 E6 E7 00 0F 40 00 00 00 09 0C 07 E1 09 0C 02 17 12 2A FF 80 00 00 02 01 06 00 00 05 28 B8 0C 7E");

    [Fact]
    public void Compute_GreenBookTestFrame_MatchesTransmittedFcs()
    {
        // Green Book §8.5.1: frame 7E 03 3F 5B EC 7E, i.e. FCS over 03 3F sent low byte first as 5B EC.
        Assert.Equal(0xEC5B, Crc16X25.Compute([0x03, 0x3F]));
    }

    [Fact]
    public void HasGoodChecksum_GreenBookTestFrameBetweenFlags_IsTrue()
    {
        Assert.True(Crc16X25.HasGoodChecksum([0x03, 0x3F, 0x5B, 0xEC]));
    }

    [Fact]
    public void Compute_KaifaHeader_IsHcs875A()
    {
        Assert.Equal(0x875A, Crc16X25.Compute(KaifaFrame.AsSpan(1, 6)));
        Assert.Equal(new byte[] { 0x5A, 0x87 }, KaifaFrame[7..9]);
    }

    [Fact]
    public void Compute_KaifaFormatThroughInformation_IsFcs0CB8()
    {
        Assert.Equal(0x0CB8, Crc16X25.Compute(KaifaFrame.AsSpan(1, KaifaFrame.Length - 4)));
        Assert.Equal(new byte[] { 0xB8, 0x0C }, KaifaFrame[^3..^1]);
    }

    [Fact]
    public void HasGoodChecksum_KaifaFrameBetweenFlags_IsTrue()
    {
        Assert.True(Crc16X25.HasGoodChecksum(KaifaFrame.AsSpan(1, KaifaFrame.Length - 2)));
    }

    [Fact]
    public void Compute_StandardCheckString_Is906E()
    {
        // The CRC catalogue's check value for CRC-16/X-25 over ASCII "123456789".
        Assert.Equal(0x906E, Crc16X25.Compute("123456789"u8));
    }

    [Fact]
    public void Compute_Empty_IsZero()
    {
        // Nothing fed: ~0xFFFF.
        Assert.Equal(0x0000, Crc16X25.Compute([]));
    }

    [Fact]
    public void Compute_RandomDataOfEveryLength0To300_MatchesBitwiseReference()
    {
        var random = new Random(20240917);
        for (var length = 0; length <= 300; length++)
        {
            for (var round = 0; round < 4; round++)
            {
                var data = new byte[length];
                random.NextBytes(data);

                Assert.Equal(ReferenceCompute(data), Crc16X25.Compute(data));
            }
        }
    }

    [Fact]
    public void Update_RandomStartRegisterAndData_MatchesBitwiseReference()
    {
        var random = new Random(77);
        for (var round = 0; round < 2000; round++)
        {
            var data = new byte[random.Next(0, 64)];
            random.NextBytes(data);
            var start = (ushort)random.Next(0, 0x10000);

            Assert.Equal(ReferenceUpdate(start, data), Crc16X25.Update(start, data));
        }
    }

    [Fact]
    public void Update_SplitAtAnyPoint_EqualsOneUpdateOverTheWhole()
    {
        var random = new Random(4242);
        var data = new byte[67];
        random.NextBytes(data);
        var whole = Crc16X25.Update(Crc16X25.Initial, data);
        for (var split = 0; split <= data.Length; split++)
        {
            var partial = Crc16X25.Update(Crc16X25.Initial, data.AsSpan(0, split));

            Assert.Equal(whole, Crc16X25.Update(partial, data.AsSpan(split)));
        }
    }

    [Fact]
    public void Update_DataFollowedByItsLittleEndianChecksum_LeavesGoodResidue()
    {
        var random = new Random(99);
        for (var length = 0; length <= 300; length += 7)
        {
            var data = new byte[length];
            random.NextBytes(data);
            var withChecksum = AppendChecksum(data, ReferenceCompute(data));

            Assert.Equal(Crc16X25.GoodResidue, Crc16X25.Update(Crc16X25.Initial, withChecksum));
            Assert.Equal(Crc16X25.GoodResidue, ReferenceUpdate(Crc16X25.Initial, withChecksum));
            Assert.True(Crc16X25.HasGoodChecksum(withChecksum));
        }
    }

    [Fact]
    public void HasGoodChecksum_AnySingleBitFlipped_IsFalse()
    {
        var data = new byte[40];
        new Random(5).NextBytes(data);
        var good = AppendChecksum(data, Crc16X25.Compute(data));
        for (var bit = 0; bit < good.Length * 8; bit++)
        {
            var bad = Bytes.Flip(good, bit / 8, (byte)(1 << (bit % 8)));

            Assert.False(Crc16X25.HasGoodChecksum(bad), $"bit {bit} flipped went unnoticed");
        }
    }

    [Fact]
    public void HasGoodChecksum_ChecksumBigEndian_IsFalse()
    {
        var data = "han"u8.ToArray();
        var crc = Crc16X25.Compute(data);
        Assert.NotEqual(crc & 0xFF, crc >> 8);

        Assert.False(Crc16X25.HasGoodChecksum([.. data, (byte)(crc >> 8), (byte)crc]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void HasGoodChecksum_FewerThanTwoBytes_IsFalse(int length)
    {
        // Even a lone byte whose register happened to equal the residue cannot hold a checksum.
        Assert.False(Crc16X25.HasGoodChecksum(new byte[length]));
    }

    /// <summary>CRC-16/X-25 one bit at a time, straight from the definition (RFC 1662 §C.2): reflected 0x8408.</summary>
    private static ushort ReferenceUpdate(ushort register, ReadOnlySpan<byte> data)
    {
        var crc = register;
        foreach (var b in data)
        {
            for (var bit = 0; bit < 8; bit++)
            {
                var inputBit = (b >> bit) & 1;
                var feedback = (crc ^ inputBit) & 1;
                crc >>= 1;
                if (feedback != 0)
                {
                    crc ^= 0x8408;
                }
            }
        }

        return crc;
    }

    private static ushort ReferenceCompute(ReadOnlySpan<byte> data) => (ushort)(ReferenceUpdate(0xFFFF, data) ^ 0xFFFF);

    private static byte[] AppendChecksum(byte[] data, ushort crc) => [.. data, (byte)crc, (byte)(crc >> 8)];
}
