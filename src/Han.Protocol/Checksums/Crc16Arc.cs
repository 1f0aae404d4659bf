namespace Han.Protocol.Checksums;

/// <summary>
/// CRC-16/ARC ("IBM CRC16"), the checksum of DSMR / P1 telegrams: polynomial x¹⁶+x¹⁵+x²+1 processed
/// least significant bit first (reflected 0xA001), init 0, no final XOR. A telegram carries it as
/// hex digits after the <c>!</c>, computed over everything from <c>/</c> through <c>!</c> (protocol.md §7.1).
/// </summary>
public static class Crc16Arc
{
    public const ushort Initial = 0x0000;

    private const ushort ReflectedPolynomial = 0xA001;

    private static readonly ushort[] Table = BuildTable();

    /// <summary>The checksum of <paramref name="data"/>.</summary>
    public static ushort Compute(ReadOnlySpan<byte> data) => Update(Initial, data);

    /// <summary>Advances a running CRC over <paramref name="data"/> (start from <see cref="Initial"/>).</summary>
    public static ushort Update(ushort crc, ReadOnlySpan<byte> data)
    {
        var table = Table.AsSpan();
        uint c = crc;
        foreach (var b in data)
        {
            c = (c >> 8) ^ table[(int)((c ^ b) & 0xFF)];
        }

        return (ushort)c;
    }

    private static ushort[] BuildTable()
    {
        var table = new ushort[256];
        for (var n = 0; n < 256; n++)
        {
            var c = (ushort)n;
            for (var bit = 0; bit < 8; bit++)
            {
                c = (c & 1) != 0 ? (ushort)((c >> 1) ^ ReflectedPolynomial) : (ushort)(c >> 1);
            }

            table[n] = c;
        }

        return table;
    }
}
