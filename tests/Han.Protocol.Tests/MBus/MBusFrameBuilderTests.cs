using Han.TestCorpus;

namespace Han.Protocol.Tests.MBus;

/// <summary>The builder must reproduce real frames byte for byte, or the synthetic tests prove nothing.</summary>
public sealed class MBusFrameBuilderTests
{
    [Theory]
    [InlineData("austria-evn-doc-kaifa-ma309", 256)]
    [InlineData("austria-tinetz-example-kaifa", 256)]
    [InlineData("austria-sagemcom-t210d-with-key", 263)]
    [InlineData("amsreader-kaifa-pl-gh905-1-mbus-encrypted", 256)]
    public void Segment_PayloadsOfARealCapture_ReproduceItsFrames(string id, int firstLength)
    {
        var input = Vectors.ById(id).Input;
        var first = input[..firstLength];
        var last = input[firstLength..];

        Assert.Equal(first, MBusFrameBuilder.Segment(0, last: false, first.AsSpan(9, first.Length - 11)));
        Assert.Equal(last, MBusFrameBuilder.Segment(1, last: true, last.AsSpan(9, last.Length - 11)));
    }

    [Fact]
    public void Build_257CountedBytes_WritesTheSagemcomLengthField01()
    {
        var wire = MBusFrameBuilder.Build(0x53, 0xFF, 0x00, new byte[254]);

        Assert.Equal(263, wire.Length);
        Assert.Equal(Bytes.Hex("68 01 01 68"), wire[..4]);
        Assert.Equal(0x16, wire[^1]);
    }

    [Fact]
    public void Build_MoreThan259CountedBytes_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MBusFrameBuilder.Build(0x53, 0xFF, 0x00, new byte[257]));

    [Fact]
    public void Split_600Bytes_MakesThreeSegmentsNumbered0To2WithFinOnTheLast()
    {
        var frames = MBusFrameBuilder.Split(new byte[600]);

        Assert.Equal([0x00, 0x01, 0x12], frames.Select(f => f[6]));
        Assert.Equal([256, 256, 121], frames.Select(f => f.Length)); // 245 + 245 + 110: full frames as long as Kaifa's
        Assert.All(frames.Take(2), f => Assert.Equal(0xFA, f[1]));
    }

    [Fact]
    public void Checksum_WrapsModulo256() =>
        Assert.Equal(0x01, MBusFrameBuilder.Checksum([0xFF, 0x02]));
}
