using System.Globalization;

namespace Han.Readings;

/// <summary>The meter's wall-clock time, with its UTC offset when the meter states one that can be trusted.</summary>
public readonly record struct MeterClock(DateTime Local, TimeSpan? Offset)
{
    /// <summary>ISO 8601: <c>2017-10-20T03:43:30</c>, or <c>2021-09-27T09:47:15+02:00</c> with an offset.</summary>
    public override string ToString()
    {
        var format = Local.Millisecond != 0 ? "yyyy-MM-dd'T'HH:mm:ss.ff" : "yyyy-MM-dd'T'HH:mm:ss";
        var text = Local.ToString(format, CultureInfo.InvariantCulture);
        if (Offset is not { } offset)
        {
            return text;
        }

        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        return text + string.Create(CultureInfo.InvariantCulture, $"{sign}{abs.Hours:00}:{abs.Minutes:00}");
    }
}
