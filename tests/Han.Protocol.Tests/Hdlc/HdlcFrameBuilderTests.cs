using Han.TestCorpus;

namespace Han.Protocol.Tests.Hdlc;

/// <summary>The test helper itself must build what the specification shows, or the other tests prove nothing.</summary>
public sealed class HdlcFrameBuilderTests
{
    [Fact]
    public void Build_KaifaSpecContent_ReproducesTheSpecFrameByteForByte()
    {
        var expected = Bytes.Hex(
            "7E A0 27 01 02 01 10 5A 87 E6 E7 00 0F 40 00 00 00 09 0C 07 E1 09 0C 02 17 12 2A FF 80 00 00 02 01 06 00 00 05 28 B8 0C 7E");
        var information = expected[9..^3];

        var built = HdlcFrameBuilder.Build([0x01], [0x02, 0x01], 0x10, information);

        Assert.Equal(expected, built);
    }

    [Fact]
    public void Build_RandomInformation_ChecksumsAgreeWithTheProductionCrc()
    {
        var random = new Random(8);
        foreach (var segmented in new[] { false, true })
        {
            for (var length = 1; length < 300; length += 13)
            {
                var information = new byte[length];
                random.NextBytes(information);

                var frame = HdlcFrameBuilder.Push(information, segmented);

                Assert.True(Han.Protocol.Checksums.Crc16X25.HasGoodChecksum(frame.AsSpan(1, frame.Length - 2)));
                Assert.Equal(Han.Protocol.Checksums.Crc16X25.Compute(information), HdlcFrameBuilder.Crc(information));
            }
        }
    }

    [Fact]
    public void Build_Segmented_SetsBit11OfTheFormatField()
    {
        var frame = HdlcFrameBuilder.Push([0xE6, 0xE7, 0x00, 0x0F], segmented: true);

        Assert.Equal(0xA8, frame[1] & 0xF8);
    }

    [Fact]
    public void ShareFlags_TwoFrames_DropsTheSecondOpeningFlag()
    {
        var a = HdlcFrameBuilder.Push([0x01]);
        var b = HdlcFrameBuilder.Push([0x02]);

        var joined = HdlcFrameBuilder.ShareFlags(a, b);

        Assert.Equal(a.Length + b.Length - 1, joined.Length);
        Assert.Equal(0x7E, joined[a.Length - 1]);
        Assert.Equal(b[1], joined[a.Length]);
    }
}
