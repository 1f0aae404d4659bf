namespace Han.Trust;

/// <summary>Daily and monthly totals of hourly rows, by the local date of each hour's start.</summary>
public static class PeriodTotals
{
    public static IReadOnlyList<PeriodTotal> Daily(IEnumerable<HourRow> hours, TimeZoneInfo zone) =>
        Group(hours, zone, date => date);

    public static IReadOnlyList<PeriodTotal> Monthly(IEnumerable<HourRow> hours, TimeZoneInfo zone) =>
        Group(hours, zone, date => new DateOnly(date.Year, date.Month, 1));

    /// <summary>The local date an hour belongs to: that of its start in the zone.</summary>
    public static DateOnly LocalDate(HourRow hour, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(hour);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(hour.StartUtc, zone).DateTime);
    }

    private static List<PeriodTotal> Group(IEnumerable<HourRow> hours, TimeZoneInfo zone, Func<DateOnly, DateOnly> period)
    {
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentNullException.ThrowIfNull(zone);
        return [.. hours
            .GroupBy(h => period(LocalDate(h, zone)))
            .OrderBy(g => g.Key)
            .Select(g => new PeriodTotal(
                g.Key,
                g.Count(),
                g.Sum(h => h.Import.Kwh ?? 0),
                g.All(h => h.Export is null) ? null : g.Sum(h => h.Export?.Kwh ?? 0),
                g.Count(h => h.IsExact),
                g.Count(h => !h.IsExact && !h.IsUnknown),
                g.Count(h => h.IsUnknown),
                g.Count(h => h.Flags.Count > 0)))];
    }
}
