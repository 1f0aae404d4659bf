namespace Han.TestCorpus;

/// <summary>
/// Builds HDLC frames (type 3) with correct HCS and FCS, written independently of the production code
/// (bitwise CRC-16/X-25 from RFC 1662), so tests can make CRC-valid frames with any content.
/// </summary>
public static class HdlcFrames
{
    /// <summary>A frame with 1-byte destination and 2-byte source (as Aidon), control 0x13 (UI).</summary>
    public static byte[] Build(ReadOnlySpan<byte> information, bool segmented = false, byte[]? destination = null, byte[]? source = null, byte control = 0x13)
    {
        destination ??= [0x41];
        source ??= [0x08, 0x83];
        var header = new List<byte> { 0, 0 };
        header.AddRange(destination);
        header.AddRange(source);
        header.Add(control);
        var length = header.Count + 2 + information.Length + 2;
        if (length > 0x7FF)
        {
            throw new ArgumentException($"An HDLC frame holds at most 2047 bytes; this one would need {length}.", nameof(information));
        }

        header[0] = (byte)(0xA0 | (segmented ? 0x08 : 0) | (length >> 8));
        header[1] = (byte)length;
        var body = new List<byte>(header);
        AppendChecksum(body);
        body.AddRange(information.ToArray());
        AppendChecksum(body);
        return [0x7E, .. body, 0x7E];
    }

    /// <summary>The information field of a good single frame (between HCS and FCS).</summary>
    public static byte[] InformationOf(byte[] frame)
    {
        var position = 3;
        for (var address = 0; address < 2; address++)
        {
            while ((frame[position++] & 1) == 0)
            {
            }
        }

        var informationStart = position + 1 + 2;
        return frame[informationStart..^3];
    }

    /// <summary>Bitwise CRC-16/X-25: reflected 0x8408, init 0xFFFF, final complement.</summary>
    public static ushort Crc(IEnumerable<byte> data)
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

    private static void AppendChecksum(List<byte> body)
    {
        var crc = Crc(body);
        body.Add((byte)crc);
        body.Add((byte)(crc >> 8));
    }
}
