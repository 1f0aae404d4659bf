namespace Han.Integrations.Prices;

/// <summary>
/// The day-ahead market's delivery day: 00:00 to 24:00 Central European (Summer) Time, the day of every
/// zone of the single day-ahead coupling (pricing.md §2.2-2.3: a Norwegian day D runs from D−1 23:00Z
/// in winter, 22:00Z in summer; 92 quarter-hours on the last Sunday of March, 100 on the last of October).
/// </summary>
public static class DeliveryDay
{
    /// <summary>Europe/Oslo: the same rules as every CET zone since 1996.</summary>
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    /// <summary>The UTC instants the delivery day starts and ends at.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Bounds(DateOnly day) => (StartOf(day), StartOf(day.AddDays(1)));

    /// <summary>The delivery day an instant falls in.</summary>
    public static DateOnly Of(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The local time of day (CET/CEST) of an instant.</summary>
    public static TimeSpan TimeOfDay(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).TimeOfDay;

    /// <summary>The instant a local time (CET/CEST) of a day falls at.</summary>
    public static DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        // Midnight and the hours used here (13:00) exist on every day: no DST gap to resolve.
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static DateTimeOffset StartOf(DateOnly day) => At(day, TimeOnly.MinValue);
}
