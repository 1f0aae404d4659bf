namespace Han.Protocol.Checksums;

/// <summary>
/// CRC-16/X-25 (RFC 1662 FCS-16), the HDLC HCS and FCS: reflected polynomial 0x8408, init 0xFFFF,
/// final XOR 0xFFFF, sent low byte first (Green Book §8.5). Slicing-by-8 tables: eight bytes per step.
/// </summary>
public static class Crc16X25
{
    /// <summary>Register value after running the CRC over data followed by its own (correct) FCS.</summary>
    public const ushort GoodResidue = 0xF0B8;

    public const ushort Initial = 0xFFFF;

    private const ushort ReflectedPolynomial = 0x8408;

    private static readonly ushort[] Table = BuildTables();

    /// <summary>The checksum of <paramref name="data"/> as it goes on the wire (already complemented).</summary>
    public static ushort Compute(ReadOnlySpan<byte> data) => (ushort)~Update(Initial, data);

    /// <summary>True when <paramref name="dataAndChecksum"/> ends with the correct little-endian checksum of the bytes before it.</summary>
    public static bool HasGoodChecksum(ReadOnlySpan<byte> dataAndChecksum) =>
        dataAndChecksum.Length >= 2 && Update(Initial, dataAndChecksum) == GoodResidue;

    /// <summary>Advances a running (uncomplemented) CRC register over <paramref name="data"/>.</summary>
    public static ushort Update(ushort crc, ReadOnlySpan<byte> data)
    {
        var table = Table.AsSpan();
        uint c = crc;
        var i = 0;
        for (; i + 8 <= data.Length; i += 8)
        {
            // The register folds into the first two bytes; each byte's table says where it ends up
            // after the bytes that follow it in this block.
            c ^= (uint)(data[i] | (data[i + 1] << 8));
            c = (uint)(table[(7 * 256) + (int)(c & 0xFF)]
                ^ table[(6 * 256) + (int)(c >> 8)]
                ^ table[(5 * 256) + data[i + 2]]
                ^ table[(4 * 256) + data[i + 3]]
                ^ table[(3 * 256) + data[i + 4]]
                ^ table[(2 * 256) + data[i + 5]]
                ^ table[256 + data[i + 6]]
                ^ table[data[i + 7]]);
        }

        for (; i < data.Length; i++)
        {
            c = (c >> 8) ^ table[(int)((c ^ data[i]) & 0xFF)];
        }

        return (ushort)c;
    }

    private static ushort[] BuildTables()
    {
        var table = new ushort[8 * 256];
        for (var n = 0; n < 256; n++)
        {
            var c = (ushort)n;
            for (var bit = 0; bit < 8; bit++)
            {
                c = (c & 1) != 0 ? (ushort)((c >> 1) ^ ReflectedPolynomial) : (ushort)(c >> 1);
            }

            table[n] = c;
        }

        // table[k * 256 + n]: the register after feeding byte n followed by k zero bytes.
        for (var k = 1; k < 8; k++)
        {
            for (var n = 0; n < 256; n++)
            {
                var previous = table[((k - 1) * 256) + n];
                table[(k * 256) + n] = (ushort)((previous >> 8) ^ table[previous & 0xFF]);
            }
        }

        return table;
    }
}
