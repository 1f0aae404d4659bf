using System.Buffers.Binary;

namespace Han.Protocol.Checksums;

/// <summary>
/// The register arithmetic of a reflected (least significant bit first) CRC-16, shared by CRC-16/X-25
/// and CRC-16/ARC, which differ only in polynomial, initial value and final XOR. Slicing-by-8 tables:
/// eight bytes per step.
/// </summary>
internal sealed class ReflectedCrc16
{
    private readonly ushort[] _table;

    /// <param name="reflectedPolynomial">The polynomial with its bits reversed (0x8408 for X-25, 0xA001 for ARC).</param>
    public ReflectedCrc16(ushort reflectedPolynomial)
    {
        _table = BuildTables(reflectedPolynomial);
    }

    /// <summary>Advances a running CRC register (before any final XOR) over <paramref name="data"/>.</summary>
    public ushort Update(ushort crc, ReadOnlySpan<byte> data)
    {
        var table = _table.AsSpan();
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

    private static ushort[] BuildTables(ushort reflectedPolynomial)
    {
        var table = new ushort[8 * 256];
        for (var n = 0; n < 256; n++)
        {
            var c = (ushort)n;
            for (var bit = 0; bit < 8; bit++)
            {
                c = (c & 1) != 0 ? (ushort)((c >> 1) ^ reflectedPolynomial) : (ushort)(c >> 1);
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
