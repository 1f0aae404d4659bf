using System.Buffers.Binary;

namespace Han.Protocol.Checksums;

/// <summary>
/// CRC-16/ARC ("IBM CRC16"), the checksum of DSMR / P1 telegrams: polynomial x¹⁶+x¹⁵+x²+1 processed
/// least significant bit first (reflected 0xA001), init 0, no final XOR. A telegram carries it as
/// hex digits after the <c>!</c>, computed over everything from <c>/</c> through <c>!</c> (protocol.md §7.1).
/// Slicing-by-8 tables: eight bytes per step (a telegram is about 1 KiB, checked once a second per meter).
/// </summary>
public static class Crc16Arc
{
    public const ushort Initial = 0x0000;

    private const ushort ReflectedPolynomial = 0xA001;

    private static readonly ushort[] Table = BuildTables();

    /// <summary>The checksum of <paramref name="data"/>.</summary>
    public static ushort Compute(ReadOnlySpan<byte> data) => Update(Initial, data);

    /// <summary>Advances a running CRC over <paramref name="data"/> (start from <see cref="Initial"/>).</summary>
    public static ushort Update(ushort crc, ReadOnlySpan<byte> data)
    {
        var table = Table.AsSpan();
        uint c = crc;
        var i = 0;
        for (; i + 8 <= data.Length; i += 8)
        {
            // The register folds into the first two bytes; each byte's table says where it ends up
            // after the bytes that follow it in this block.
            var block = BinaryPrimitives.ReadUInt64LittleEndian(data[i..]) ^ c;
            c = (uint)(table[(7 * 256) + (int)(block & 0xFF)]
                ^ table[(6 * 256) + (int)((block >> 8) & 0xFF)]
                ^ table[(5 * 256) + (int)((block >> 16) & 0xFF)]
                ^ table[(4 * 256) + (int)((block >> 24) & 0xFF)]
                ^ table[(3 * 256) + (int)((block >> 32) & 0xFF)]
                ^ table[(2 * 256) + (int)((block >> 40) & 0xFF)]
                ^ table[256 + (int)((block >> 48) & 0xFF)]
                ^ table[(int)(block >> 56)]);
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
