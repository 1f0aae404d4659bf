using System.Globalization;

namespace Han.Storage;

/// <summary>
/// The meter's clock as stored (<c>2026-03-29T01:00:00</c>, <c>2021-09-27T09:47:15.5+02:00</c>: what
/// <c>MeterClock.ToString</c> writes) back to the local wall time the trust rules read. A stated offset
/// is left aside: the rules read the wall time in the configured zone, as for every other meter.
/// </summary>
internal static class MeterClockText
{
    private const int DateAndTimeLength = 19; // yyyy-MM-ddTHH:mm:ss

    public static DateTime? Parse(string? text)
    {
        if (text is null || text.Length < DateAndTimeLength)
        {
            return null;
        }

        var end = text.IndexOfAny(['+', '-', 'Z'], DateAndTimeLength);
        var local = end < 0 ? text : text[..end];
        return DateTime.TryParse(local, CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock)
            ? DateTime.SpecifyKind(clock, DateTimeKind.Unspecified)
            : null;
    }
}
