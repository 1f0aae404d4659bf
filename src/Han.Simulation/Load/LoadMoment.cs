namespace Han.Simulation.Load;

/// <summary>The instant the load is asked for, with the Norwegian wall time households live by.</summary>
public readonly record struct LoadMoment(DateTimeOffset Instant, DateTime Local)
{
    /// <summary>Hours since local midnight, with fractions.</summary>
    public double HourOfDay => Local.TimeOfDay.TotalHours;

    public DateOnly Date => DateOnly.FromDateTime(Local);

    public bool IsWeekend => Local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>The local time <paramref name="hours"/> after this day's midnight, as an instant (a DST day has 23 or 25 hours; this counts wall time).</summary>
    public DateTimeOffset AtLocalHour(double hours) =>
        Instant + (Local.Date.AddHours(hours) - Local);
}
