namespace Han.Protocol.P1;

/// <summary>
/// Readers for the contents of one P1 value group (the text between <c>(</c> and <c>)</c>), after
/// DSMR 5.0.2 §6.4: numbers with an optional unit, timestamps, and octet strings written as hex.
/// Each returns false, and reads nothing, when the group is not of that form.
/// </summary>
public static class P1Value
{
    /// <summary>Length of <c>YYMMDDhhmmss</c>.</summary>
    private const int ShortTimestampLength = 12;

    /// <summary>Length of <c>YYYYMMDD hh:mm:ss</c>.</summary>
    private const int LongTimestampLength = 17;

    /// <summary>
    /// <see cref="long.MaxValue"/> is 922337203685477580 × 10 + 7: one more digit fits while the mantissa is
    /// below the first, or equal to it and the digit at most the second (a comparison, not a division per digit).
    /// </summary>
    private const long MaxMantissaBeforeDigit = long.MaxValue / 10;

    private const int MaxLastDigit = (int)(long.MaxValue % 10);

    /// <summary>
    /// A decimal number, optionally signed, with an optional <c>*unit</c>: <c>123456.789*kWh</c>,
    /// <c>00005</c>, <c>-0.5*kvar</c>. Leading zeros are kept out of the mantissa; the digits after the
    /// point set the exponent, so nothing is rounded. False when the digits do not fit a 64-bit mantissa.
    /// </summary>
    public static bool TryParseNumber(ReadOnlySpan<byte> group, out P1Number number)
    {
        number = default;
        var i = 0;
        var negative = false;
        if (i < group.Length && group[i] is (byte)'-' or (byte)'+')
        {
            negative = group[i] == '-';
            i++;
        }

        long mantissa = 0;
        var digits = 0;
        var fractionDigits = 0;
        var seenPoint = false;
        for (; i < group.Length; i++)
        {
            var b = group[i];
            if (b is >= (byte)'0' and <= (byte)'9')
            {
                var digit = b - '0';
                if (mantissa >= MaxMantissaBeforeDigit && (mantissa > MaxMantissaBeforeDigit || digit > MaxLastDigit))
                {
                    return false;
                }

                mantissa = (mantissa * 10) + digit;
                digits++;
                fractionDigits += seenPoint ? 1 : 0;
            }
            else if (b == '.' && !seenPoint)
            {
                seenPoint = true;
            }
            else
            {
                break;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        var unit = ReadOnlySpan<byte>.Empty;
        if (i < group.Length)
        {
            if (group[i] != '*' || i + 1 == group.Length)
            {
                return false;
            }

            unit = group[(i + 1)..];
            foreach (var b in unit)
            {
                if (b is <= (byte)' ' or >= 0x7F or (byte)'*')
                {
                    return false;
                }
            }
        }

        number = new P1Number(negative ? -mantissa : mantissa, -fractionDigits, unit);
        return true;
    }

    /// <summary>
    /// A timestamp <c>YYMMDDhhmmssX</c> (X = <c>S</c> daylight saving, <c>W</c> standard time; DSMR 4 and
    /// later), <c>YYMMDDhhmmss</c> without X (DSMR 2.2 / 3.0), or <c>YYYYMMDD hh:mm:ss</c> (seen from an
    /// NES 83335 meter in Denmark). Two-digit years 00-68 are 2000-2068, 69-99 are 1969-1999 (as POSIX
    /// <c>%y</c>), so the placeholder <c>700101010000W</c> of an unused M-Bus channel reads as 1970.
    /// </summary>
    public static bool TryParseTimestamp(ReadOnlySpan<byte> group, out P1Timestamp timestamp)
    {
        timestamp = default;
        int year;
        int month;
        int day;
        int hour;
        int minute;
        int second;
        bool? daylightSaving = null;
        if (group.Length is ShortTimestampLength or ShortTimestampLength + 1)
        {
            if (!TryDigits(group, 0, out var yy) || !TryDigits(group, 2, out month) || !TryDigits(group, 4, out day)
                || !TryDigits(group, 6, out hour) || !TryDigits(group, 8, out minute) || !TryDigits(group, 10, out second))
            {
                return false;
            }

            year = yy <= 68 ? 2000 + yy : 1900 + yy;
            if (group.Length > ShortTimestampLength)
            {
                daylightSaving = group[ShortTimestampLength] switch
                {
                    (byte)'S' or (byte)'s' => true,
                    (byte)'W' or (byte)'w' => false,
                    _ => null,
                };
                if (daylightSaving is null)
                {
                    return false;
                }
            }
        }
        else if (group.Length == LongTimestampLength && group[8] == ' ' && group[11] == ':' && group[14] == ':')
        {
            if (!TryDigits(group, 0, out var century) || !TryDigits(group, 2, out var yy) || !TryDigits(group, 4, out month)
                || !TryDigits(group, 6, out day) || !TryDigits(group, 9, out hour) || !TryDigits(group, 12, out minute)
                || !TryDigits(group, 15, out second))
            {
                return false;
            }

            year = (century * 100) + yy;
        }
        else
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        timestamp = new P1Timestamp(new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified), daylightSaving);
        return true;
    }

    /// <summary>
    /// An octet string written as hex digits (either case, an even number of them): the bytes go to
    /// <paramref name="destination"/>, which must hold <c>group.Length / 2</c>. An empty group is zero bytes.
    /// </summary>
    public static bool TryDecodeHex(ReadOnlySpan<byte> group, Span<byte> destination, out int written)
    {
        written = 0;
        if (group.Length % 2 != 0 || destination.Length < group.Length / 2)
        {
            return false;
        }

        return Convert.FromHexString(group, destination, out _, out written) == System.Buffers.OperationStatus.Done;
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, int at, out int value)
    {
        value = 0;
        var tens = text[at] - '0';
        var units = text[at + 1] - '0';
        if ((uint)tens > 9 || (uint)units > 9)
        {
            return false;
        }

        value = (tens * 10) + units;
        return true;
    }
}
