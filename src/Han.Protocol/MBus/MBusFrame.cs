using Han.Protocol.Framing;

namespace Han.Protocol.MBus;

/// <summary>
/// A checked wired M-Bus long frame (EN 13757-2 FT1.2) carrying a DLMS segment (protocol.md §3.1), as a
/// view over its bytes on the wire: <c>68 | L | L | 68 | C | A | CI | STSAP | DTSAP | data | CS | 16</c>.
/// <c>L</c> counts the bytes from C to the end of the user data. Only CI 0x00–0x1F (DLMS segmentation,
/// no M-Bus data header) is accepted: bits 0–3 number the segment, bit 4 (FIN) marks the last one.
/// </summary>
public readonly ref struct MBusFrame : IStreamFrame
{
    public const byte Start = 0x68;
    public const byte Stop = 0x16;

    /// <summary><c>68 L L 68</c>.</summary>
    public const int HeaderLength = 4;

    /// <summary>Bytes around the counted part: the header, checksum and stop byte.</summary>
    public const int Overhead = HeaderLength + 2;

    /// <summary>C + A + CI + STSAP + DTSAP: the shortest frame that carries a DLMS segment.</summary>
    public const int MinLength = 5;

    /// <summary>
    /// The longest counted part: 255, or 259 for a length field of 0–3 read as 256–259 (the Sagemcom
    /// T210-D sends <c>68 01 01 68</c> for 257 bytes; see <see cref="LengthFromField"/>).
    /// </summary>
    public const int MaxLength = 259;

    /// <summary>The longest frame on the wire.</summary>
    public const int MaxWireLength = MaxLength + Overhead;

    /// <summary>Offset of <see cref="Payload"/> within <see cref="Wire"/>: header, C, A, CI, STSAP, DTSAP.</summary>
    public const int PayloadOffset = HeaderLength + MinLength;

    private const int ControlOffset = HeaderLength;
    private const int UserDataOffset = HeaderLength + 3;
    private const int FinBit = 0x10;

    private readonly ReadOnlySpan<byte> _wire;

    private MBusFrame(ReadOnlySpan<byte> wire, long offset)
    {
        _wire = wire;
        Offset = offset;
    }

    /// <summary>Stream offset of the first <c>68</c>.</summary>
    public long Offset { get; }

    /// <summary>The whole frame, start byte through stop byte.</summary>
    public ReadOnlySpan<byte> Wire => _wire;

    /// <summary>Bytes from C to the end of the user data (what <c>L</c> means, quirk applied).</summary>
    public int Length => _wire.Length - Overhead;

    /// <summary>C field: 0x53 / 0x73 (SND_UD, the FCB toggling) in HAN pushes.</summary>
    public byte Control => _wire[ControlOffset];

    /// <summary>A field: 0xFF (broadcast) in HAN pushes.</summary>
    public byte Address => _wire[ControlOffset + 1];

    public byte ControlInformation => _wire[ControlOffset + 2];

    /// <summary>CI bits 0–3: the segment's number within its APDU, from 0.</summary>
    public int SegmentNumber => ControlInformation & 0x0F;

    /// <summary>CI bit 4 (FIN): this is the last (or only) segment of its APDU.</summary>
    public bool IsLastSegment => (ControlInformation & FinBit) != 0;

    /// <summary>Everything after CI: STSAP, DTSAP and the DLMS data.</summary>
    public ReadOnlySpan<byte> UserData => _wire[UserDataOffset..^2];

    /// <summary>Source transport SAP (0x01, the management logical device, in HAN pushes).</summary>
    public byte SourceTsap => _wire[UserDataOffset];

    /// <summary>Destination transport SAP (0x67, the consumer-information push client, in HAN pushes).</summary>
    public byte DestinationTsap => _wire[UserDataOffset + 1];

    /// <summary>The DLMS data after the two TSAP bytes: this segment's part of the APDU.</summary>
    public ReadOnlySpan<byte> Payload => _wire[PayloadOffset..^2];

    /// <summary>
    /// The number of bytes from C to the end of the user data that a length field announces. A value
    /// below 4 cannot describe a frame (C, A and CI alone take 3), so it is read as 256 more: the Sagemcom
    /// T210-D sends <c>68 01 01 68</c> before 257 bytes (protocol.md §3.1; amsreader does the same).
    /// </summary>
    public static int LengthFromField(byte field) => field < 4 ? field + 256 : field;

    /// <summary>
    /// Checks a whole frame (start byte through stop byte): both length bytes equal and matching the
    /// frame's size, the second start byte, the stop byte, the checksum (sum mod 256 of C through the end
    /// of the user data) and a CI of 0x00–0x1F. Returns the reason when it is not a good frame:
    /// <see cref="DecodeError.BadLength"/> for the header, the size, user data shorter than the two TSAP
    /// bytes or a CI this version does not read (one with an M-Bus data header);
    /// <see cref="DecodeError.MissingStopByte"/>; <see cref="DecodeError.BadChecksum"/>.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> wire, long offset, out MBusFrame frame, out DecodeError problem)
    {
        frame = default;
        if (wire.Length < Overhead + MinLength
            || wire[0] != Start
            || wire[3] != Start
            || wire[1] != wire[2]
            || LengthFromField(wire[1]) + Overhead != wire.Length)
        {
            problem = DecodeError.BadLength;
            return false;
        }

        if (wire[^1] != Stop)
        {
            problem = DecodeError.MissingStopByte;
            return false;
        }

        if (Checksum(wire[ControlOffset..^2]) != wire[^2])
        {
            problem = DecodeError.BadChecksum;
            return false;
        }

        if (wire[ControlOffset + 2] > 0x1F)
        {
            problem = DecodeError.BadLength;
            return false;
        }

        problem = default;
        frame = new MBusFrame(wire, offset);
        return true;
    }

    /// <summary>The M-Bus checksum: the arithmetic sum of the bytes, modulo 256.</summary>
    public static byte Checksum(ReadOnlySpan<byte> counted)
    {
        var sum = 0;
        foreach (var b in counted)
        {
            sum += b;
        }

        return (byte)sum;
    }
}
