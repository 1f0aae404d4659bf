namespace Han.Trust;

/// <summary>Hour boundaries in UTC.</summary>
internal static class HourMath
{
    public static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    /// <summary>The hour boundary nearest to <paramref name="time"/>, in UTC.</summary>
    public static DateTimeOffset Nearest(DateTimeOffset time)
    {
        var ticks = time.UtcTicks + (TimeSpan.TicksPerHour / 2);
        return new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerHour), TimeSpan.Zero);
    }

    /// <summary>The start of the hour that contains <paramref name="time"/>, in UTC.</summary>
    public static DateTimeOffset Floor(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);

    public static int HoursBetween(DateTimeOffset from, DateTimeOffset to) => (int)((to - from).Ticks / TimeSpan.TicksPerHour);
}
