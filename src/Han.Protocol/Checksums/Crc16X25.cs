namespace Han.Protocol.Checksums;

/// <summary>
/// CRC-16/X-25 (RFC 1662 FCS-16), the HDLC HCS and FCS: reflected polynomial 0x8408, init 0xFFFF,
/// final XOR 0xFFFF, sent low byte first (Green Book §8.5).
/// </summary>
public static class Crc16X25
{
    /// <summary>Register value after running the CRC over data followed by its own (correct) FCS.</summary>
    public const ushort GoodResidue = 0xF0B8;

    public const ushort Initial = 0xFFFF;

    private static readonly ReflectedCrc16 Register = new(0x8408);

    /// <summary>The checksum of <paramref name="data"/> as it goes on the wire (already complemented).</summary>
    public static ushort Compute(ReadOnlySpan<byte> data) => (ushort)~Update(Initial, data);

    /// <summary>True when <paramref name="dataAndChecksum"/> ends with the correct little-endian checksum of the bytes before it.</summary>
    public static bool HasGoodChecksum(ReadOnlySpan<byte> dataAndChecksum) =>
        dataAndChecksum.Length >= 2 && Update(Initial, dataAndChecksum) == GoodResidue;

    /// <summary>Advances a running (uncomplemented) CRC register over <paramref name="data"/>.</summary>
    public static ushort Update(ushort crc, ReadOnlySpan<byte> data) => Register.Update(crc, data);
}
