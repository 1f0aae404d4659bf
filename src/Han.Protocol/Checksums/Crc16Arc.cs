namespace Han.Protocol.Checksums;

/// <summary>
/// CRC-16/ARC ("IBM CRC16"), the checksum of DSMR / P1 telegrams: polynomial x¹⁶+x¹⁵+x²+1 processed
/// least significant bit first (reflected 0xA001), init 0, no final XOR. A telegram carries it as
/// hex digits after the <c>!</c>, computed over everything from <c>/</c> through <c>!</c> (protocol.md §7.1).
/// </summary>
public static class Crc16Arc
{
    public const ushort Initial = 0x0000;

    private static readonly ReflectedCrc16 Register = new(0xA001);

    /// <summary>The checksum of <paramref name="data"/>.</summary>
    public static ushort Compute(ReadOnlySpan<byte> data) => Update(Initial, data);

    /// <summary>Advances a running CRC over <paramref name="data"/> (start from <see cref="Initial"/>).</summary>
    public static ushort Update(ushort crc, ReadOnlySpan<byte> data) => Register.Update(crc, data);
}
