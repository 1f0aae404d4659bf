using System.Buffers;
using System.Buffers.Text;
using System.Globalization;

namespace Han.Readings;

/// <summary>The meter's wall-clock time, with its UTC offset when the meter states one that can be trusted.</summary>
public readonly record struct MeterClock(DateTime Local, TimeSpan? Offset)
{
    /// <summary>Longest text: <c>yyyy-MM-ddTHH:mm:ss.ff+hh:mm</c>.</summary>
    public const int MaxFormattedLength = 28;

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

        var format = Local.Millisecond != 0 ? "yyyy-MM-dd'T'HH:mm:ss.ff" : "yyyy-MM-dd'T'HH:mm:ss";
        if (!Local.TryFormat(destination, out written, format, CultureInfo.InvariantCulture))
        {
            return false;
        }

        if (Offset is not { } offset)
        {
            return true;
        }

        var abs = offset.Duration();
        destination[written++] = offset < TimeSpan.Zero ? (byte)'-' : (byte)'+';
        Utf8Formatter.TryFormat(abs.Hours, destination[written..], out var hours, new StandardFormat('D', 2));
        written += hours;
        destination[written++] = (byte)':';
        Utf8Formatter.TryFormat(abs.Minutes, destination[written..], out var minutes, new StandardFormat('D', 2));
        written += minutes;
        return true;
    }
}
