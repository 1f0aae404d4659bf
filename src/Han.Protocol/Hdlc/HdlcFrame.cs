using Han.Protocol.Checksums;
using Han.Protocol.Framing;

namespace Han.Protocol.Hdlc;

/// <summary>
/// A checked HDLC frame of format type 3 (Green Book §8.4), as a view over the bytes between its flags:
/// <c>format(2) | destination | source | control | HCS(2) | information | FCS(2)</c>.
/// Frames without information carry only the FCS.
/// </summary>
public readonly ref struct HdlcFrame : IStreamFrame
{
    public const byte Flag = 0x7E;
    public const int MaxLength = 0x7FF;

    /// <summary>Format(2) + one-octet addresses(2) + control(1) + FCS(2).</summary>
    public const int MinLength = 7;

    private readonly ReadOnlySpan<byte> _body;

    private HdlcFrame(ReadOnlySpan<byte> body, long offset, HdlcAddress destination, HdlcAddress source, int headerLength)
    {
        _body = body;
        Offset = offset;
        Destination = destination;
        Source = source;
        HeaderLength = headerLength;
    }

    /// <summary>Stream offset of the opening flag.</summary>
    public long Offset { get; }

    /// <summary>The bytes between the flags (format field through FCS).</summary>
    public ReadOnlySpan<byte> Body => _body;

    /// <summary>The frame's length field: bytes between the flags.</summary>
    public int Length => _body.Length;

    /// <summary>Segmentation bit: more segments of the same APDU follow.</summary>
    public bool IsSegmented => (_body[0] & 0x08) != 0;

    public HdlcAddress Destination { get; }

    public HdlcAddress Source { get; }

    public byte Control => _body[HeaderLength - 1];

    /// <summary>Format, addresses and control (the bytes the HCS covers).</summary>
    public int HeaderLength { get; }

    public bool HasInformation => _body.Length > HeaderLength + 2;

    /// <summary>Offset of the information field within <see cref="Body"/> (after the HCS).</summary>
    public int InformationOffset => HeaderLength + 2;

    public ReadOnlySpan<byte> Information => HasInformation ? _body[InformationOffset..^2] : ReadOnlySpan<byte>.Empty;

    /// <summary>
    /// Checks a frame body (the bytes between the flags, its length already matching the length field):
    /// frame type, address fields, HCS and FCS. Returns the reason when the body is not a good frame.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> body, long offset, out HdlcFrame frame, out DecodeError problem)
    {
        frame = default;
        if (body.Length < MinLength || (body[0] & 0xF0) != 0xA0)
        {
            problem = DecodeError.BadLength;
            return false;
        }

        var addresses = body[2..^2];
        if (!HdlcAddress.TryRead(addresses, out var destination)
            || !HdlcAddress.TryRead(addresses[destination.Length..], out var source)
            || destination.Length + source.Length >= addresses.Length)
        {
            problem = DecodeError.BadAddress;
            return false;
        }

        var headerLength = 2 + destination.Length + source.Length + 1;
        var crc = Crc16X25.Initial;
        if (body.Length > headerLength + 2)
        {
            // An information field follows: the header has its own check sequence.
            if (body.Length < headerLength + 4)
            {
                problem = DecodeError.BadLength;
                return false;
            }

            crc = Crc16X25.Update(crc, body[..(headerLength + 2)]);
            if (crc != Crc16X25.GoodResidue)
            {
                problem = DecodeError.BadHcs;
                return false;
            }

            crc = Crc16X25.Update(crc, body[(headerLength + 2)..]);
        }
        else
        {
            crc = Crc16X25.Update(crc, body);
        }

        if (crc != Crc16X25.GoodResidue)
        {
            problem = DecodeError.BadFcs;
            return false;
        }

        problem = default;
        frame = new HdlcFrame(body, offset, destination, source, headerLength);
        return true;
    }
}
