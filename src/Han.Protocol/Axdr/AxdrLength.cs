namespace Han.Protocol.Axdr;

/// <summary>
/// The length field of A-XDR (and of the DLMS APDU headers that borrow it: ciphered APDUs, block
/// transfer): one byte below 0x80, or 0x81-0x84 followed by that many big-endian bytes (Green Book
/// §9.5; protocol.md §4.2).
/// </summary>
internal static class AxdrLength
{
    /// <summary>Reads the field at <paramref name="cursor"/>; on <see cref="AxdrLengthStatus.Read"/> moves the cursor past it, otherwise leaves it.</summary>
    public static AxdrLengthStatus TryRead(ReadOnlySpan<byte> data, ref int cursor, out long length)
    {
        length = 0;
        if (cursor >= data.Length)
        {
            return AxdrLengthStatus.End;
        }

        var first = data[cursor];
        if (first < 0x80)
        {
            length = first;
            cursor++;
            return AxdrLengthStatus.Read;
        }

        var size = first & 0x7F;
        if (size is 0 or > 4)
        {
            return AxdrLengthStatus.BadPrefix;
        }

        if (data.Length - cursor - 1 < size)
        {
            return AxdrLengthStatus.CutShort;
        }

        for (var i = 1; i <= size; i++)
        {
            length = (length << 8) | data[cursor + i];
        }

        cursor += 1 + size;
        return AxdrLengthStatus.Read;
    }
}
