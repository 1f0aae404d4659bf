using Han.Protocol.Checksums;
using Han.Protocol.Hdlc;

namespace Han.Sources.Mqtt;

/// <summary>
/// Puts a bare APDU that an MQTT bridge forwarded without its HDLC frame back into one, so that every
/// MQTT payload reaches the decoder in the one framed form of the line it came from (docs/decisions.md:
/// "MQTT input"). A frame of format type 3 with one-byte addresses (client 0x41 to server 0x03), a UI
/// control byte, the LLC header of a push, and both checksums computed here: the frame checks only
/// what the bridge's message already was, and the decoder reads it as it reads a meter's own frame.
/// </summary>
public static class HdlcEnvelope
{
    /// <summary>Format, addresses, control: the bytes between the opening flag and the HCS.</summary>
    private const int HeaderBytes = 5;

    /// <summary>The largest APDU one frame carries (the 11-bit length field, less header, checksums and LLC).</summary>
    public const int MaxApduLength = HdlcFrame.MaxLength - HeaderBytes - 4 - Llc.HeaderLength;

    /// <summary>The frame on the wire, both flags included, around <paramref name="apdu"/>.</summary>
    public static byte[] Wrap(ReadOnlySpan<byte> apdu)
    {
        if (apdu.Length > MaxApduLength)
        {
            throw new ArgumentOutOfRangeException(nameof(apdu), apdu.Length, $"one frame carries at most {MaxApduLength} bytes of APDU");
        }

        var length = HeaderBytes + 2 + Llc.HeaderLength + apdu.Length + 2;
        var wire = new byte[length + 2];
        wire[0] = HdlcFrame.Flag;
        wire[1] = (byte)(0xA0 | (length >> 8));
        wire[2] = (byte)length;
        wire[3] = 0x41;
        wire[4] = 0x03;
        wire[5] = 0x13;
        PutChecksum(wire, HeaderBytes + 1);
        var information = wire.AsSpan(HeaderBytes + 3);
        information[0] = 0xE6;
        information[1] = 0xE7;
        information[2] = 0x00;
        apdu.CopyTo(information[Llc.HeaderLength..]);
        PutChecksum(wire, length - 1);
        wire[^1] = HdlcFrame.Flag;
        return wire;
    }

    /// <summary>Writes at <paramref name="at"/> the CRC-16/X-25 of the bytes from after the flag up to there, low byte first.</summary>
    private static void PutChecksum(byte[] wire, int at)
    {
        var crc = Crc16X25.Compute(wire.AsSpan(1, at - 1));
        wire[at] = (byte)(crc & 0xFF);
        wire[at + 1] = (byte)(crc >> 8);
    }
}
