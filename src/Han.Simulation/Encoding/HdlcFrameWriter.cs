using Han.Protocol.Checksums;
using Han.Protocol.Hdlc;

namespace Han.Simulation.Encoding;

/// <summary>
/// Writes one HDLC frame of format type 3 (protocol.md §2.1) around an information field:
/// <c>7E | A0xx | DA | SA | CTRL | HCS | LLC E6 E7 00 | APDU | FCS | 7E</c>, checksums CRC-16/X-25
/// low byte first, no byte stuffing. Each vendor's addresses and control byte are in <see cref="HdlcAddressing"/>.
/// </summary>
public static class HdlcFrameWriter
{
    /// <summary>The LLC header of a push (protocol.md §2.2): destination LSAP E6, source E7 (response), quality 0.</summary>
    public static ReadOnlySpan<byte> LlcResponse => [0xE6, 0xE7, 0x00];

    /// <summary>The frame on the wire, both flags included, carrying the LLC header and <paramref name="apdu"/>.</summary>
    public static byte[] Write(HdlcAddressing addressing, ReadOnlySpan<byte> apdu)
    {
        ArgumentNullException.ThrowIfNull(addressing);
        var header = 2 + addressing.Destination.Length + addressing.Source.Length + 1;
        var information = Llc.HeaderLength + apdu.Length;
        var length = header + 2 + information + 2;
        if (length > HdlcFrame.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(apdu), $"a frame of {length} bytes does not fit the 11-bit length field (at most {HdlcFrame.MaxLength})");
        }

        var wire = new byte[length + 2];
        wire[0] = HdlcFrame.Flag;
        wire[1] = (byte)(0xA0 | (length >> 8));
        wire[2] = (byte)length;
        var cursor = 3;
        addressing.Destination.CopyTo(wire.AsSpan(cursor));
        cursor += addressing.Destination.Length;
        addressing.Source.CopyTo(wire.AsSpan(cursor));
        cursor += addressing.Source.Length;
        wire[cursor++] = addressing.Control;
        cursor = WriteChecksum(wire, cursor);
        LlcResponse.CopyTo(wire.AsSpan(cursor));
        apdu.CopyTo(wire.AsSpan(cursor + Llc.HeaderLength));
        cursor = WriteChecksum(wire, cursor + information);
        wire[cursor] = HdlcFrame.Flag;
        return wire;
    }

    /// <summary>The CRC of everything after the opening flag up to <paramref name="end"/>, written there low byte first.</summary>
    private static int WriteChecksum(byte[] wire, int end)
    {
        var crc = Crc16X25.Compute(wire.AsSpan(1, end - 1));
        wire[end] = (byte)crc;
        wire[end + 1] = (byte)(crc >> 8);
        return end + 2;
    }
}
