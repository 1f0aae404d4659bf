namespace Han.TestCorpus;

/// <summary>
/// Builds HDLC frames of format type 3 on the wire (both flags included) as protocol.md §2.1 lays them
/// out: <c>7E | format(2) | DA | SA | CTRL | HCS(2) | INFO | FCS(2) | 7E</c>, checksums little-endian.
/// A frame without information carries only the FCS. The checksums come from a bitwise CRC-16/X-25
/// written here (RFC 1662), independent of the production code, so tests can make CRC-valid frames
/// with any content.
/// </summary>
public static class HdlcFrameBuilder
{
    /// <summary>One-octet client address 0x41 (Aidon's HEMS address), as sent by the meter.</summary>
    public static readonly byte[] AidonDestination = [0x41];

    /// <summary>Two-octet server address <c>08 83</c> (Aidon).</summary>
    public static readonly byte[] AidonSource = [0x08, 0x83];

    public static readonly byte[] LlcResponse = [0xE6, 0xE7, 0x00];

    public static byte[] Build(byte[] destination, byte[] source, byte control, ReadOnlySpan<byte> information, bool segmented = false)
    {
        var headerLength = 2 + destination.Length + source.Length + 1;
        var length = headerLength + (information.IsEmpty ? 0 : 2 + information.Length) + 2;
        if (length > 0x7FF)
        {
            throw new ArgumentOutOfRangeException(nameof(information), $"a frame of {length} bytes does not fit the 11-bit length field");
        }

        var wire = new byte[length + 2];
        wire[0] = 0x7E;
        var format = 0xA000 | (segmented ? 0x0800 : 0) | length;
        wire[1] = (byte)(format >> 8);
        wire[2] = (byte)format;
        destination.CopyTo(wire, 3);
        source.CopyTo(wire, 3 + destination.Length);
        wire[headerLength] = control;
        var cursor = 1 + headerLength;
        if (!information.IsEmpty)
        {
            WriteLittleEndian(wire, cursor, Crc(wire.AsSpan(1, headerLength)));
            cursor += 2;
            information.CopyTo(wire.AsSpan(cursor));
            cursor += information.Length;
        }

        WriteLittleEndian(wire, cursor, Crc(wire.AsSpan(1, cursor - 1)));
        cursor += 2;
        wire[cursor] = 0x7E;
        return wire;
    }

    /// <summary>An Aidon-style UI push frame (DA 0x41, SA 08 83, control 0x13).</summary>
    public static byte[] Push(ReadOnlySpan<byte> information, bool segmented = false) =>
        Build(AidonDestination, AidonSource, 0x13, information, segmented);

    /// <summary>Concatenates frames so that each closing flag also opens the next frame (Green Book §8.4.1.2).</summary>
    public static byte[] ShareFlags(params byte[][] frames)
    {
        var output = new List<byte>(frames[0]);
        foreach (var frame in frames.Skip(1))
        {
            output.AddRange(frame.Skip(1));
        }

        return [.. output];
    }

    /// <summary>The bytes between the flags.</summary>
    public static byte[] Body(byte[] wire) => wire[1..^1];

    /// <summary>The information field of a good single frame (between HCS and FCS).</summary>
    public static byte[] InformationOf(byte[] frame)
    {
        var (_, control) = AddressEnds(frame);
        return frame[(control + 1 + 2)..^3];
    }

    /// <summary>
    /// A good single frame with another information field: the same addresses, control and segmentation
    /// bit, the length and both checksums computed afresh.
    /// </summary>
    public static byte[] WithInformation(byte[] frame, ReadOnlySpan<byte> information)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var (sourceStart, control) = AddressEnds(frame);
        return Build(frame[3..sourceStart], frame[sourceStart..control], frame[control], information, segmented: (frame[1] & 0x08) != 0);
    }

    /// <summary>Where the source address starts and where the control byte is (each address ends with its low bit set).</summary>
    private static (int SourceStart, int Control) AddressEnds(byte[] frame)
    {
        var position = 3;
        while ((frame[position++] & 1) == 0)
        {
        }

        var sourceStart = position;
        while ((frame[position++] & 1) == 0)
        {
        }

        return (sourceStart, position);
    }

    /// <summary>Bitwise CRC-16/X-25: reflected 0x8408, init 0xFFFF, final complement.</summary>
    public static ushort Crc(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFF;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x8408 : crc >> 1;
            }
        }

        return (ushort)~crc;
    }

    private static void WriteLittleEndian(byte[] target, int offset, ushort value)
    {
        target[offset] = (byte)value;
        target[offset + 1] = (byte)(value >> 8);
    }
}
