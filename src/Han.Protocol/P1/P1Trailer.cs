namespace Han.Protocol.P1;

/// <summary>
/// What follows a telegram's <c>!</c>: up to four hex digits of CRC (fewer when the meter drops leading
/// zeros, as dsmr_parser accepts; none before DSMR 4), an optional NUL (dsmr_parser allows one), then
/// CR LF, LF or CR. After four digits the line break may be missing (the telegram is complete anyway);
/// after fewer, only the end of the input may stand in for it. Anything else makes the checksum unreadable.
/// </summary>
internal readonly record struct P1Trailer(bool NeedsMoreData, bool IsWellFormed, int DigitCount, ushort Crc, int BreakLength)
{
    private const int MaxDigits = 4;

    private static P1Trailer MoreData => new(true, false, 0, 0, 0);

    /// <summary>The checksum digits at the start of <paramref name="rest"/> (at most four): how many, and their value.</summary>
    public static int ReadDigits(ReadOnlySpan<byte> rest, out ushort crc)
    {
        var digits = 0;
        var value = 0;
        while (digits < MaxDigits && digits < rest.Length && HexDigit.ValueOf(rest[digits]) is var digit and >= 0)
        {
            value = (value << 4) | digit;
            digits++;
        }

        crc = (ushort)value;
        return digits;
    }

    /// <summary>Reads the bytes after the <c>!</c>.</summary>
    public static P1Trailer Read(ReadOnlySpan<byte> rest, bool isFinalBlock)
    {
        var digits = ReadDigits(rest, out var crc);
        var i = digits;
        if (i < rest.Length && rest[i] == 0)
        {
            i++;
        }

        if (i == rest.Length)
        {
            // More digits or the line break may still come.
            return isFinalBlock ? new P1Trailer(false, true, digits, crc, i - digits) : MoreData;
        }

        switch (rest[i])
        {
            case (byte)'\n':
                return new P1Trailer(false, true, digits, crc, i + 1 - digits);
            case (byte)'\r':
                if (i + 1 == rest.Length && !isFinalBlock)
                {
                    return MoreData;
                }

                var lineFeed = i + 1 < rest.Length && rest[i + 1] == '\n' ? 1 : 0;
                return new P1Trailer(false, true, digits, crc, i + 1 + lineFeed - digits);
            default:
                // Four digits end the checksum by themselves; a NUL after them belongs to the telegram.
                return new P1Trailer(false, digits == MaxDigits, digits, crc, i - digits);
        }
    }
}
