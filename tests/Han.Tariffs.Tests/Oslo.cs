namespace Han.Tariffs.Tests;

/// <summary>One hour of a test month: its start, its local time and the energy imported.</summary>
internal sealed record TestHour(DateTimeOffset Utc, DateTime Local, decimal Kwh);

/// <summary>Local hours of Europe/Oslo, and Norway's public holidays of 2026 written out from a printed calendar.</summary>
internal static class Oslo
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    /// <summary>
    /// 2026 only (the tests' 2025 months, July and September, have none): 1 January, Maundy Thursday to
    /// Easter Monday (Easter Sunday 5 April), 1 and 17 May, Ascension, Whitsun, Christmas. From the
    /// calendar, so the tests do not lean on the engine's computus.
    /// </summary>
    public static readonly HashSet<DateOnly> Holidays =
    [
        new(2026, 1, 1), new(2026, 4, 2), new(2026, 4, 3), new(2026, 4, 5), new(2026, 4, 6), new(2026, 5, 1),
        new(2026, 5, 14), new(2026, 5, 17), new(2026, 5, 24), new(2026, 5, 25), new(2026, 12, 25), new(2026, 12, 26),
    ];

    /// <summary>Every hour of a local month with the energy <paramref name="kwh"/> gives it.</summary>
    public static List<TestHour> Month(int year, int month, Func<DateTime, decimal> kwh)
    {
        var start = Utc(year, month, 1);
        var end = month == 12 ? Utc(year + 1, 1, 1) : Utc(year, month + 1, 1);
        var hours = new List<TestHour>();
        for (var t = start; t < end; t = t.AddHours(1))
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(t.UtcDateTime, Zone);
            hours.Add(new TestHour(t, local, kwh(local)));
        }

        return hours;
    }

    public static bool IsWeekend(DateTime local) => local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    public static bool IsHoliday(DateTime local) => Holidays.Contains(DateOnly.FromDateTime(local));

    /// <summary>fri-nettleie's <c>virkedag</c>: neither weekend nor public holiday.</summary>
    public static bool IsWorkingDay(DateTime local) => !IsWeekend(local) && !IsHoliday(local);

    private static DateTimeOffset Utc(int year, int month, int day) =>
        new(TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified), Zone), TimeSpan.Zero);
}
