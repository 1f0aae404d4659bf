using Han.Protocol.Hdlc;
using Han.Simulation.Encoding;
using Han.TestCorpus;

namespace Han.Simulation.Tests.Encoding;

public sealed class HdlcFrameWriterTests
{
    [Fact]
    public void Write_KaifaList1FromTheProtocolNotes_GivesItsHcsAndFcs()
    {
        // protocol.md §2.1 (verified): HCS 5A 87, FCS B8 0C.
        var frame = Vectors.ById("roarfred-kaifa-list1-2017-09-12").Input;
        var apdu = HdlcFrameBuilder.InformationOf(frame)[Llc.HeaderLength..];

        Assert.Equal(frame, HdlcFrameWriter.Write(HdlcAddressing.Kaifa, apdu));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(300)]
    [InlineData(2000)]
    public void Write_AnyLength_MatchesTheIndependentBitwiseBuilder(int length)
    {
        var apdu = Enumerable.Range(0, length).Select(i => (byte)(i * 7)).ToArray();

        var expected = HdlcFrameBuilder.Build([0x2B], [0x21], 0x13, [.. HdlcFrameBuilder.LlcResponse, .. apdu]);

        Assert.Equal(expected, HdlcFrameWriter.Write(HdlcAddressing.Kamstrup, apdu));
    }

    [Fact]
    public void Write_BeyondTheLengthField_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => HdlcFrameWriter.Write(HdlcAddressing.Aidon, new byte[2040]));
}
