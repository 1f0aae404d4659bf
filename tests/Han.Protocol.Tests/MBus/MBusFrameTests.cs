using Han.Protocol.MBus;
using Han.TestCorpus;

namespace Han.Protocol.Tests.MBus;

public sealed class MBusFrameTests
{
    /// <summary>protocol.md §3.2: Netz NÖ Kaifa MA309, two frames of 256 (L = 0xFA) and 26 (L = 0x14) bytes.</summary>
    private static readonly byte[] Evn = Vectors.ById("austria-evn-doc-kaifa-ma309").Input;

    private static readonly byte[] EvnFirst = Evn[..256];

    private static readonly byte[] EvnLast = Evn[256..];

    /// <summary>protocol.md §3.1 quirk: 68 01 01 68 announces 257 bytes, a 263-byte frame.</summary>
    private static readonly byte[] SagemcomFirst = Vectors.ById("austria-sagemcom-t210d-with-key").Input[..263];

    [Fact]
    public void TryParse_EvnFirstSegment_ExposesTheFieldsOfTheWorkedExample()
    {
        Assert.True(MBusFrame.TryParse(EvnFirst, 1000, out var frame, out _));

        Assert.Equal(1000, frame.Offset);
        Assert.Equal(EvnFirst, frame.Wire.ToArray());
        Assert.Equal(250, frame.Length);
        Assert.Equal(0x53, frame.Control);
        Assert.Equal(0xFF, frame.Address);
        Assert.Equal(0x00, frame.ControlInformation);
        Assert.Equal(0, frame.SegmentNumber);
        Assert.False(frame.IsLastSegment);
        Assert.Equal(0x01, frame.SourceTsap);
        Assert.Equal(0x67, frame.DestinationTsap);
        Assert.Equal(247, frame.UserData.Length);
        Assert.Equal(Bytes.Hex("01 67 DB 08"), frame.UserData[..4].ToArray());
        Assert.Equal(9, MBusFrame.PayloadOffset);
        Assert.Equal(245, frame.Payload.Length);
        Assert.Equal(Bytes.Hex("DB 08 4B 46 4D 67 50 00 00 09 81 F8 20 00 00 00 23"), frame.Payload[..17].ToArray());
        Assert.Equal(EvnFirst[MBusFrame.PayloadOffset..^2], frame.Payload.ToArray());
    }

    [Fact]
    public void TryParse_EvnLastSegment_IsSegmentOneWithFin()
    {
        Assert.True(MBusFrame.TryParse(EvnLast, 256, out var frame, out _));

        Assert.Equal(0x11, frame.ControlInformation);
        Assert.Equal(1, frame.SegmentNumber);
        Assert.True(frame.IsLastSegment);
        Assert.Equal(20, frame.Length);
        Assert.Equal(15, frame.Payload.Length);
        Assert.Equal(EvnLast[9..^2], frame.Payload.ToArray());
    }

    [Fact]
    public void TryParse_SagemcomLengthField01_Is257CountedBytes()
    {
        Assert.Equal(Bytes.Hex("68 01 01 68"), SagemcomFirst[..4]);

        Assert.True(MBusFrame.TryParse(SagemcomFirst, 0, out var frame, out _));

        Assert.Equal(257, frame.Length);
        Assert.Equal(263, frame.Wire.Length);
        Assert.Equal(252, frame.Payload.Length);
        Assert.Equal(Bytes.Hex("DB 08 53 41 47 59"), frame.Payload[..6].ToArray()); // "SAGY"
        Assert.Equal(0, frame.SegmentNumber);
        Assert.False(frame.IsLastSegment);
    }

    [Fact]
    public void TryParse_LengthField01OnA7ByteFrame_IsBadLength()
    {
        var wire = Bytes.Hex("68 01 01 68 53 FF 10 01 67 00 16");
        wire[^2] = MBusFrameBuilder.Checksum(wire.AsSpan(4, 5));

        Assert.False(MBusFrame.TryParse(wire, 0, out _, out var problem));
        Assert.Equal(DecodeError.BadLength, problem);
    }

    [Theory]
    [InlineData(0x00, 256)]
    [InlineData(0x01, 257)]
    [InlineData(0x03, 259)]
    [InlineData(0x04, 4)]
    [InlineData(0x05, 5)]
    [InlineData(0xFA, 250)]
    [InlineData(0xFF, 255)]
    public void LengthFromField_BelowFour_Adds256(byte field, int expected) =>
        Assert.Equal(expected, MBusFrame.LengthFromField(field));

    [Fact]
    public void Checksum_CorpusFrames_MatchTheirChecksumByte()
    {
        Assert.Equal(EvnFirst[^2], MBusFrame.Checksum(EvnFirst.AsSpan(4, 250)));
        Assert.Equal(EvnLast[^2], MBusFrame.Checksum(EvnLast.AsSpan(4, 20)));
        Assert.Equal(SagemcomFirst[^2], MBusFrame.Checksum(SagemcomFirst.AsSpan(4, 257)));
    }

    [Theory]
    [InlineData(4)] // C
    [InlineData(6)] // CI
    [InlineData(9)] // first payload byte
    [InlineData(253)] // last payload byte
    [InlineData(254)] // the checksum itself
    public void TryParse_OneByteChanged_IsBadChecksum(int index)
    {
        Assert.False(MBusFrame.TryParse(Bytes.Flip(EvnFirst, index, 0x04), 0, out _, out var problem));
        Assert.Equal(DecodeError.BadChecksum, problem);
    }

    [Fact]
    public void TryParse_SwappedPayloadBytes_PassTheChecksum()
    {
        // The arithmetic sum cannot see order: a known weakness of the M-Bus checksum, not a bug here.
        var swapped = (byte[])EvnLast.Clone();
        (swapped[10], swapped[11]) = (swapped[11], swapped[10]);
        Assert.NotEqual(EvnLast, swapped);

        Assert.True(MBusFrame.TryParse(swapped, 0, out _, out _));
    }

    [Fact]
    public void TryParse_WrongStopByte_IsMissingStopByte()
    {
        var wire = (byte[])EvnLast.Clone();
        wire[^1] = 0x17;

        Assert.False(MBusFrame.TryParse(wire, 0, out _, out var problem));
        Assert.Equal(DecodeError.MissingStopByte, problem);
    }

    [Theory]
    [InlineData(0, 0x69)] // first start byte
    [InlineData(1, 0x15)] // first length byte differs from the second
    [InlineData(2, 0x15)] // second length byte differs from the first
    [InlineData(3, 0x67)] // second start byte
    public void TryParse_DamagedHeader_IsBadLength(int index, byte value)
    {
        var wire = (byte[])EvnLast.Clone();
        wire[index] = value;

        Assert.False(MBusFrame.TryParse(wire, 0, out _, out var problem));
        Assert.Equal(DecodeError.BadLength, problem);
    }

    [Fact]
    public void TryParse_WireLongerOrShorterThanTheLengthField_IsBadLength()
    {
        Assert.False(MBusFrame.TryParse([.. EvnLast, 0x16], 0, out _, out var longer));
        Assert.False(MBusFrame.TryParse(EvnLast.AsSpan(0, EvnLast.Length - 1), 0, out _, out var shorter));

        Assert.Equal(DecodeError.BadLength, longer);
        Assert.Equal(DecodeError.BadLength, shorter);
    }

    [Fact]
    public void TryParse_UserDataOfOneByte_IsBadLength()
    {
        var wire = MBusFrameBuilder.Build(0x53, 0xFF, 0x10, [0x01]);
        Assert.Equal(0x04, wire[1]);

        Assert.False(MBusFrame.TryParse(wire, 0, out _, out var problem));
        Assert.Equal(DecodeError.BadLength, problem);
    }

    [Fact]
    public void TryParse_OnlyTheTwoTsapBytes_IsAFrameWithAnEmptyPayload()
    {
        var wire = MBusFrameBuilder.Segment(0, last: true, []);

        Assert.True(MBusFrame.TryParse(wire, 0, out var frame, out _));
        Assert.Equal(5, frame.Length);
        Assert.True(frame.Payload.IsEmpty);
        Assert.Equal(2, frame.UserData.Length);
    }

    [Theory]
    [InlineData(0x20)]
    [InlineData(0x51)] // CI 51: an M-Bus data send with a header
    [InlineData(0x72)] // CI 72: variable data respond with the long header
    [InlineData(0xFF)]
    public void TryParse_ControlInformationWithMBusHeader_IsRejectedAsBadLength(byte controlInformation)
    {
        var wire = MBusFrameBuilder.Build(0x53, 0xFF, controlInformation, [0x01, 0x67, 0x0F, 0x00]);

        Assert.False(MBusFrame.TryParse(wire, 0, out _, out var problem));
        Assert.Equal(DecodeError.BadLength, problem);
    }

    [Theory]
    [InlineData(0x00, 0, false)]
    [InlineData(0x01, 1, false)]
    [InlineData(0x0F, 15, false)]
    [InlineData(0x10, 0, true)]
    [InlineData(0x11, 1, true)]
    [InlineData(0x1F, 15, true)]
    public void TryParse_DlmsControlInformation_SplitsIntoSegmentNumberAndFin(byte controlInformation, int number, bool last)
    {
        var wire = MBusFrameBuilder.Build(0x73, 0xFF, controlInformation, [0x01, 0x67, 0xAA]);

        Assert.True(MBusFrame.TryParse(wire, 0, out var frame, out _));
        Assert.Equal(number, frame.SegmentNumber);
        Assert.Equal(last, frame.IsLastSegment);
        Assert.Equal(0x73, frame.Control);
        Assert.Equal([0xAA], frame.Payload.ToArray());
    }

    [Fact]
    public void TryParse_TooShortForAnyFrame_IsBadLength()
    {
        Assert.False(MBusFrame.TryParse([], 0, out _, out var empty));
        Assert.False(MBusFrame.TryParse(Bytes.Hex("68 04 04 68 53 FF 10 01 63 16"), 0, out _, out var tiny));

        Assert.Equal(DecodeError.BadLength, empty);
        Assert.Equal(DecodeError.BadLength, tiny);
    }
}
