namespace Han.Simulation.Time;

/// <summary>
/// Norwegian wall-clock time, which meters send (norway-lists.md §3-§5, §8): CET (UTC+1), and CEST
/// (UTC+2) from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC, the EU
/// rule Norway has followed since 1996. Computed here rather than read from the system's time-zone
/// data, so the simulated meter behaves the same on a machine without tzdata.
/// </summary>
public static class NorwegianTime
{
    public static readonly TimeSpan StandardOffset = TimeSpan.FromHours(1);

    public static readonly TimeSpan SummerOffset = TimeSpan.FromHours(2);

    /// <summary>The local wall time of an instant, with its offset.</summary>
    public static DateTimeOffset ToLocal(DateTimeOffset instant) => instant.ToOffset(OffsetAt(instant));

    public static TimeSpan OffsetAt(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        return utc >= SummerStarts(utc.Year) && utc < SummerEnds(utc.Year) ? SummerOffset : StandardOffset;
    }

    /// <summary>When summer time starts in <paramref name="year"/> (UTC): the last Sunday of March, 01:00.</summary>
    public static DateTime SummerStarts(int year) => LastSunday(year, 3).AddHours(1);

    /// <summary>When summer time ends in <paramref name="year"/> (UTC): the last Sunday of October, 01:00.</summary>
    public static DateTime SummerEnds(int year) => LastSunday(year, 10).AddHours(1);

    /// <summary>
    /// The instant a wall time names. False for a time in the hour skipped in spring (02:00-03:00 does
    /// not exist then). A time in the hour repeated in autumn names two instants; the first (summer
    /// time) is taken.
    /// </summary>
    public static bool TryFromLocal(DateTime local, out DateTimeOffset instant)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        foreach (var offset in (ReadOnlySpan<TimeSpan>)[SummerOffset, StandardOffset])
        {
            var candidate = new DateTimeOffset(unspecified, offset);
            if (OffsetAt(candidate) == offset)
            {
                instant = candidate;
                return true;
            }
        }

        instant = default;
        return false;
    }

    private static DateTime LastSunday(int year, int month)
    {
        var last = new DateTime(year, month, DateTime.DaysInMonth(year, month), 0, 0, 0, DateTimeKind.Utc);
        return last.AddDays(-(int)last.DayOfWeek);
    }
}
