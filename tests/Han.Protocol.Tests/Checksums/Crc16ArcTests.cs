using Han.Protocol.Checksums;
using Han.TestCorpus;

namespace Han.Protocol.Tests.Checksums;

public sealed class Crc16ArcTests
{
    [Fact]
    public void Compute_StandardCheckString_IsBB3D()
    {
        // The CRC catalogue's check value for CRC-16/ARC over ASCII "123456789".
        Assert.Equal(0xBB3D, Crc16Arc.Compute("123456789"u8));
    }

    [Fact]
    public void Compute_Empty_IsZero()
    {
        Assert.Equal(0x0000, Crc16Arc.Compute([]));
    }

    [Theory]
    [InlineData("amshan-p1-landisgyr-e360", 0xA077)]
    [InlineData("dsmr-nl-v42-kaifa", 0x6796)]
    [InlineData("dsmr-be-fluvius-v171", 0x3AD7)]
    [InlineData("dsmr-nl-unpadded-crc", 0x0B9F)]
    public void Compute_RealTelegramFromSlashThroughBang_IsTheChecksumItCarries(string id, int expected)
    {
        var input = Vectors.ById(id).Input;
        var start = Array.IndexOf(input, (byte)'/');
        var end = Array.IndexOf(input, (byte)'!', start);

        Assert.Equal(expected, Crc16Arc.Compute(input.AsSpan(start, end - start + 1)));
    }

    [Fact]
    public void Update_InPieces_EqualsComputeOverTheWhole()
    {
        var data = Vectors.ById("dsmr-nl-v42-kaifa").Input;

        var crc = Crc16Arc.Initial;
        for (var i = 0; i < data.Length; i += 7)
        {
            crc = Crc16Arc.Update(crc, data.AsSpan(i, Math.Min(7, data.Length - i)));
        }

        Assert.Equal(Crc16Arc.Compute(data), crc);
    }

    [Fact]
    public void Compute_RandomDataOfEveryLength0To300_MatchesBitwiseReference()
    {
        var random = new Random(1234);
        for (var length = 0; length <= 300; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);

            Assert.Equal(P1TelegramBuilder.Crc16Arc(data), Crc16Arc.Compute(data));
        }
    }
}
