namespace Han.Pricing.Tests;

/// <summary>Local hours of Europe/Oslo, and the public holidays of 2025-2027 written out from the calendar.</summary>
internal static class Oslo
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    /// <summary>
    /// Norwegian public holidays 2025-2027 from a printed calendar (Easter Sunday 20 Apr 2025, 5 Apr 2026,
    /// 28 Mar 2027), so the tests do not lean on the engine's computus.
    /// </summary>
    public static readonly HashSet<DateOnly> Holidays =
    [
        new(2025, 1, 1), new(2025, 4, 17), new(2025, 4, 18), new(2025, 4, 20), new(2025, 4, 21), new(2025, 5, 1),
        new(2025, 5, 17), new(2025, 5, 29), new(2025, 6, 8), new(2025, 6, 9), new(2025, 12, 25), new(2025, 12, 26),
        new(2026, 1, 1), new(2026, 4, 2), new(2026, 4, 3), new(2026, 4, 5), new(2026, 4, 6), new(2026, 5, 1),
        new(2026, 5, 14), new(2026, 5, 17), new(2026, 5, 24), new(2026, 5, 25), new(2026, 12, 25), new(2026, 12, 26),
        new(2027, 1, 1), new(2027, 3, 25), new(2027, 3, 26), new(2027, 3, 28), new(2027, 3, 29), new(2027, 5, 1),
        new(2027, 5, 6), new(2027, 5, 16), new(2027, 5, 17), new(2027, 12, 25), new(2027, 12, 26),
    ];

    public static DateTimeOffset Utc(int year, int month, int day, int hour) =>
        new(TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, day, hour, 0, 0, DateTimeKind.Unspecified), Zone), TimeSpan.Zero);

    /// <summary>Every hour from local midnight of <paramref name="from"/> to that of <paramref name="to"/>, with its local time.</summary>
    public static List<(DateTimeOffset Utc, DateTime Local)> Hours(DateOnly from, DateOnly to)
    {
        var start = Utc(from.Year, from.Month, from.Day, 0);
        var end = Utc(to.Year, to.Month, to.Day, 0);
        var hours = new List<(DateTimeOffset, DateTime)>();
        for (var t = start; t < end; t = t.AddHours(1))
        {
            hours.Add((t, TimeZoneInfo.ConvertTimeFromUtc(t.UtcDateTime, Zone)));
        }

        return hours;
    }

    /// <summary>Elvia's high price applies: a working day (not weekend, not holiday), 06:00-21:59.</summary>
    public static bool IsDayRate(DateTime local) =>
        local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && !Holidays.Contains(DateOnly.FromDateTime(local))
        && local.Hour >= 6 && local.Hour <= 21;
}
