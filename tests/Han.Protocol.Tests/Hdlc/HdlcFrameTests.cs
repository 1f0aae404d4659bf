using Han.Protocol.Checksums;
using Han.Protocol.Hdlc;
using Han.TestCorpus;

namespace Han.Protocol.Tests.Hdlc;

public sealed class HdlcFrameTests
{
    /// <summary>protocol.md §2.1, verified there: length 0x027, HCS 5A 87, FCS B8 0C.</summary>
    private static readonly byte[] KaifaWire = Bytes.Hex(
        "7E A0 27 01 02 01 10 5A 87 E6 E7 00 0F 40 00 00 00 09 0C 07 E1 09 0C 02 17 12 2A FF 80 00 00 02 01 06 00 00 05 28 B8 0C 7E");

    [Fact]
    public void TryParse_KaifaSpecFrame_ExposesEveryField()
    {
        var body = KaifaWire[1..^1];

        Assert.True(HdlcFrame.TryParse(body, 1234, out var frame, out _));

        Assert.Equal(1234, frame.Offset);
        Assert.Equal(39, frame.Length);
        Assert.Equal(body, frame.Body.ToArray());
        Assert.False(frame.IsSegmented);
        Assert.Equal(new HdlcAddress(1, 0, 0), frame.Destination);
        Assert.Equal(new HdlcAddress(2, 1, 0), frame.Source);
        Assert.Equal(0x10, frame.Control); // I-frame
        Assert.Equal(6, frame.HeaderLength); // A0 27 01 02 01 10
        Assert.Equal(8, frame.InformationOffset);
        Assert.True(frame.HasInformation);
        Assert.Equal(KaifaWire[9..^3], frame.Information.ToArray());
        Assert.True(Llc.HasHeader(frame.Information));
    }

    [Fact]
    public void TryParse_AidonFrame_HasTwoOctetSourceAndUiControl()
    {
        var wire = Vectors.ById("aidon-no-doc-list2-1ph").Input;

        Assert.True(HdlcFrame.TryParse(wire.AsSpan(1, wire.Length - 2), 0, out var frame, out _));

        Assert.Equal(new HdlcAddress(1, 0x20, 0), frame.Destination);
        Assert.Equal(new HdlcAddress(2, 4, 0x41), frame.Source);
        Assert.Equal(0x13, frame.Control);
        Assert.Equal(0xD2, frame.Length);
        Assert.Equal(wire.Length - 2, frame.Length);
    }

    [Fact]
    public void TryParse_KamstrupDocFrame_HasOneOctetAddresses()
    {
        var wire = Vectors.ById("kamstrup-doc-ex1-list1-3ph").Input;

        Assert.True(HdlcFrame.TryParse(wire.AsSpan(1, wire.Length - 2), 0, out var frame, out _));

        Assert.Equal(new HdlcAddress(1, 0x15, 0), frame.Destination);
        Assert.Equal(new HdlcAddress(1, 0x10, 0), frame.Source);
        Assert.Equal(0x13, frame.Control);
        Assert.Equal(5, frame.HeaderLength);
        Assert.Equal(226, frame.Length);
    }

    [Fact]
    public void TryParse_KamstrupSpecExample33_PassesWithFcs0521()
    {
        // protocol.md §2.1: Kamstrup spec example 3.3, length 174, FCS on wire 05 21.
        var wire = Vectors.ById("kamstrup-doc-ex3-list2-1ph").Input;
        Assert.Equal(new byte[] { 0x05, 0x21 }, wire[^3..^1]);

        Assert.True(HdlcFrame.TryParse(wire.AsSpan(1, wire.Length - 2), 0, out var frame, out _));
        Assert.Equal(174, frame.Length);
    }

    [Fact]
    public void TryParse_TwoOctetDestination_IsRead()
    {
        // Landis+Gyr Austria: DA CE FF (two octets), SA 03.
        var wire = HdlcFrameBuilder.Build([0xCE, 0xFF], [0x03], 0x13, [0xE6, 0xE7, 0x00, 0xDB]);

        Assert.True(HdlcFrame.TryParse(Between(wire), 0, out var frame, out _));

        Assert.Equal(new HdlcAddress(2, 0x67, 0x7F), frame.Destination);
        Assert.Equal(new HdlcAddress(1, 1, 0), frame.Source);
        Assert.Equal(6, frame.HeaderLength); // format(2) + DA(2) + SA(1) + control
    }

    [Fact]
    public void TryParse_FourOctetSource_IsRead()
    {
        var wire = HdlcFrameBuilder.Build([0x41], [0x00, 0x02, 0xFE, 0xFF], 0x13, [0xE6, 0xE7, 0x00, 0x0F]);

        Assert.True(HdlcFrame.TryParse(Between(wire), 0, out var frame, out _));

        Assert.Equal(new HdlcAddress(4, 1, 0x3FFF), frame.Source);
        Assert.Equal(8, frame.HeaderLength);
        Assert.Equal(Bytes.Hex("E6 E7 00 0F"), frame.Information.ToArray());
    }

    [Fact]
    public void TryParse_SegmentedFrame_HasSegmentationBit()
    {
        // vectors: an Iskra push with frame format A8 A4 (S = 1).
        var wire = Vectors.ById("amsreader-iskra-hr-gh1072-1-hdlc-segment1").Input;

        Assert.True(HdlcFrame.TryParse(wire.AsSpan(1, wire.Length - 2), 0, out var frame, out _));

        Assert.True(frame.IsSegmented);
        Assert.Equal(0x0A4, frame.Length);
    }

    [Theory]
    [InlineData(0xA8)]
    [InlineData(0xAF)]
    public void TryParse_BuiltSegmentedFrame_HasSegmentationBit(byte formatHigh)
    {
        var wire = HdlcFrameBuilder.Push([0xE6, 0xE7, 0x00, 0x0F], segmented: true);
        Assert.Equal(0xA8, wire[1]);
        if (formatHigh == 0xAF)
        {
            // The same bit with the top length bits set: a frame of 1793 bytes or more.
            wire = HdlcFrameBuilder.Push(new byte[0x700], segmented: true);
            Assert.Equal(0xAF, wire[1]);
        }

        Assert.True(HdlcFrame.TryParse(Between(wire), 0, out var frame, out _));
        Assert.True(frame.IsSegmented);
    }

    [Fact]
    public void TryParse_FrameWithoutInformation_CarriesOnlyFcs()
    {
        var wire = HdlcFrameBuilder.Build([0x41], [0x03], 0x93, []);
        Assert.Equal(7, wire.Length - 2); // format(2) + DA + SA + control + FCS(2)

        Assert.True(HdlcFrame.TryParse(Between(wire), 0, out var frame, out _));

        Assert.False(frame.HasInformation);
        Assert.True(frame.Information.IsEmpty);
        Assert.Equal(0x93, frame.Control);
        Assert.Equal(HdlcFrame.MinLength, frame.Length);
    }

    [Fact]
    public void TryParse_MaximumLength2047_IsAccepted()
    {
        var information = new byte[HdlcFrame.MaxLength - 2 - 1 - 2 - 1 - 2 - 2];
        new Random(1).NextBytes(information);
        var wire = HdlcFrameBuilder.Push(information);
        Assert.Equal(0x7FF, wire.Length - 2);

        Assert.True(HdlcFrame.TryParse(Between(wire), 0, out var frame, out _));
        Assert.Equal(information, frame.Information.ToArray());
    }

    [Fact]
    public void TryParse_HcsAltered_ReportsBadHcs()
    {
        var body = Bytes.Flip(KaifaWire, 7)[1..^1];

        Assert.False(HdlcFrame.TryParse(body, 0, out _, out var problem));
        Assert.Equal(DecodeError.BadHcs, problem);
    }

    [Fact]
    public void TryParse_HeaderByteAltered_ReportsBadHcs()
    {
        // The HCS covers format, addresses and control: change the control byte.
        var body = Bytes.Flip(KaifaWire, 6, 0x20)[1..^1];

        Assert.False(HdlcFrame.TryParse(body, 0, out _, out var problem));
        Assert.Equal(DecodeError.BadHcs, problem);
    }

    [Theory]
    [InlineData(9)] // first information byte
    [InlineData(36)] // inside the value 00 00 05 28
    [InlineData(38)] // FCS low byte
    [InlineData(39)] // FCS high byte
    public void TryParse_InformationOrFcsAltered_ReportsBadFcs(int index)
    {
        var body = Bytes.Flip(KaifaWire, index, 0x80)[1..^1];

        Assert.False(HdlcFrame.TryParse(body, 0, out _, out var problem));
        Assert.Equal(DecodeError.BadFcs, problem);
    }

    [Fact]
    public void TryParse_FrameWithoutInformationFcsAltered_ReportsBadFcs()
    {
        var wire = HdlcFrameBuilder.Build([0x41], [0x03], 0x93, []);

        Assert.False(HdlcFrame.TryParse(Between(Bytes.Flip(wire, 6)), 0, out _, out var problem)); // FCS low byte
        Assert.Equal(DecodeError.BadFcs, problem);
    }

    [Theory]
    [InlineData("hassams-kaifa-bad-hcs", DecodeError.BadHcs)]
    [InlineData("hassams-kaifa-bad-fcs", DecodeError.BadFcs)]
    public void TryParse_CorruptedCorpusFrame_ReportsTheCorruption(string id, DecodeError expected)
    {
        var wire = Vectors.ById(id).Input;

        Assert.False(HdlcFrame.TryParse(wire.AsSpan(1, wire.Length - 2), 0, out _, out var problem));
        Assert.Equal(expected, problem);
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0x90)]
    [InlineData(0xB0)]
    [InlineData(0x20)]
    public void TryParse_FormatTypeNot3_ReportsBadLength(byte formatHigh)
    {
        var body = KaifaWire[1..^1];
        body[0] = formatHigh;

        Assert.False(HdlcFrame.TryParse(body, 0, out _, out var problem));
        Assert.Equal(DecodeError.BadLength, problem);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(6)]
    public void TryParse_ShorterThanMinimum_ReportsBadLength(int length)
    {
        var body = KaifaWire[1..(1 + length)];

        Assert.False(HdlcFrame.TryParse(body, 0, out _, out var problem));
        Assert.Equal(DecodeError.BadLength, problem);
    }

    [Fact]
    public void TryParse_RoomForHcsButNotForFcsAfterIt_ReportsBadLength()
    {
        // format, DA, SA, control (5 bytes), then only 3 bytes: HCS plus one byte, no room for an FCS.
        byte[] body = [0xA0, 0x08, 0x41, 0x03, 0x13, 0x00, 0x00, 0x00];

        Assert.False(HdlcFrame.TryParse(body, 0, out _, out var problem));
        Assert.Equal(DecodeError.BadLength, problem);
    }

    [Fact]
    public void TryParse_AddressNeverTerminated_ReportsBadAddress()
    {
        // Every octet has its extension bit clear.
        byte[] body = [0xA0, 0x0C, 0x40, 0x02, 0x04, 0x06, 0x08, 0x0A, 0x10, 0x00, 0x00, 0x00];
        FixFcs(body);

        Assert.False(HdlcFrame.TryParse(body, 0, out _, out var problem));
        Assert.Equal(DecodeError.BadAddress, problem);
    }

    [Fact]
    public void TryParse_ThreeOctetSourceAddress_ReportsBadAddress()
    {
        var wire = HdlcFrameBuilder.Build([0x41], [0x02, 0x02, 0x21], 0x13, [0xE6, 0xE7, 0x00, 0x0F]);

        Assert.False(HdlcFrame.TryParse(Between(wire), 0, out _, out var problem));
        Assert.Equal(DecodeError.BadAddress, problem);
    }

    [Fact]
    public void TryParse_NoRoomForControlAfterAddresses_ReportsBadAddress()
    {
        // format(2), DA 41, SA 02 02 02 03 (4 octets), FCS: the control byte is missing.
        byte[] body = [0xA0, 0x09, 0x41, 0x02, 0x02, 0x02, 0x03, 0x00, 0x00];
        FixFcs(body);

        Assert.False(HdlcFrame.TryParse(body, 0, out _, out var problem));
        Assert.Equal(DecodeError.BadAddress, problem);
    }

    private static ReadOnlySpan<byte> Between(byte[] wire) => wire.AsSpan(1, wire.Length - 2);

    private static void FixFcs(byte[] body)
    {
        var fcs = Crc16X25.Compute(body.AsSpan(0, body.Length - 2));
        body[^2] = (byte)fcs;
        body[^1] = (byte)(fcs >> 8);
    }
}
