using Han.Protocol.Cosem;

namespace Han.Readings;

/// <summary>The meter's wall-clock time, with its UTC offset when the meter states one that can be trusted.</summary>
public readonly record struct MeterClock(DateTime Local, TimeSpan? Offset)
{
    /// <summary>Longest text: <c>yyyy-MM-ddTHH:mm:ss.ff+hh:mm</c>.</summary>
    public const int MaxFormattedLength = 28;

    /// <summary>
    /// A COSEM date-time value (not the reading's own clock) as shown in every output: its local time and
    /// the deviation it states; false when it names no complete local time (wildcards, not specified).
    /// </summary>
    public static bool TryFrom(CosemDateTime time, out MeterClock clock)
    {
        clock = default;
        if (!time.TryGetLocalTime(out var local))
        {
            return false;
        }

        clock = new MeterClock(local, time.UtcOffset);
        return true;
    }

    /// <summary>ISO 8601: <c>2017-10-20T03:43:30</c>, or <c>2021-09-27T09:47:15+02:00</c> with an offset.</summary>
    public override string ToString()
    {
        Span<byte> utf8 = stackalloc byte[MaxFormattedLength];
        TryFormat(utf8, out var written);
        return System.Text.Encoding.ASCII.GetString(utf8[..written]);
    }

    /// <summary>Writes <see cref="ToString"/> as ASCII/UTF-8 without allocating (for JSON writers).</summary>
    public bool TryFormat(Span<byte> destination, out int written)
    {
        written = 0;
        if (destination.Length < MaxFormattedLength)
        {
            return false;
        }

        // Fixed-width digits written directly: this runs once per reading on the output path.
        var local = Local;
        Digits(destination, ref written, local.Year, 4);
        destination[written++] = (byte)'-';
        Digits(destination, ref written, local.Month, 2);
        destination[written++] = (byte)'-';
        Digits(destination, ref written, local.Day, 2);
        destination[written++] = (byte)'T';
        Digits(destination, ref written, local.Hour, 2);
        destination[written++] = (byte)':';
        Digits(destination, ref written, local.Minute, 2);
        destination[written++] = (byte)':';
        Digits(destination, ref written, local.Second, 2);
        if (local.Millisecond != 0)
        {
            destination[written++] = (byte)'.';
            Digits(destination, ref written, local.Millisecond / 10, 2);
        }

        if (Offset is not { } offset)
        {
            return true;
        }

        var abs = offset.Duration();
        destination[written++] = offset < TimeSpan.Zero ? (byte)'-' : (byte)'+';
        Digits(destination, ref written, abs.Hours, 2);
        destination[written++] = (byte)':';
        Digits(destination, ref written, abs.Minutes, 2);
        return true;
    }

    private static void Digits(Span<byte> destination, ref int written, int value, int width)
    {
        for (var i = width - 1; i >= 0; i--)
        {
            destination[written + i] = (byte)('0' + (value % 10));
            value /= 10;
        }

        written += width;
    }
}
