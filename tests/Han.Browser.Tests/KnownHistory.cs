using Han.Storage;

namespace Han.Browser.Tests;

/// <summary>
/// A history with numbers known in advance: every hour of the last 40 days in Europe/Oslo up to the hour
/// under way, its import a pattern of the day and hour in hundredths of a kWh (so that no total the page
/// rounds to two decimals falls on a half), export at midday, and one hour of yesterday
/// flagged and estimated; the days and months are the sums of their hours, as han derives them.
/// </summary>
internal sealed class KnownHistory
{
    public const string FlaggedReason = "register_jump";

    public static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    private KnownHistory(string meter, List<EnergyAggregate> hours)
    {
        Meter = meter;
        Hours = hours;
        Days = Sum(hours, AggregateResolution.Day, local => new DateTime(local.Year, local.Month, local.Day, 0, 0, 0, DateTimeKind.Unspecified));
        Months = Sum(hours, AggregateResolution.Month, local => new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified));
    }

    public string Meter { get; }

    public List<EnergyAggregate> Hours { get; }

    public List<EnergyAggregate> Days { get; }

    public List<EnergyAggregate> Months { get; }

    /// <summary>Today's local date in Oslo.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Oslo).DateTime);

    /// <summary>The flagged hour: yesterday 18:00 local.</summary>
    public static DateTimeOffset FlaggedHour => Local(Today.AddDays(-1), 18);

    public static KnownHistory Make(string meter)
    {
        var now = DateTimeOffset.UtcNow;
        var first = Local(Today.AddDays(-40), 0);
        var hours = new List<EnergyAggregate>();
        for (var hour = first; hour.AddHours(1) <= now; hour = hour.AddHours(1))
        {
            var local = TimeZoneInfo.ConvertTime(hour, Oslo);
            var import = 0.4m + (((local.Day * 7) + local.Hour) % 13 * 0.13m);
            var export = local.Hour is >= 11 and <= 14 ? 0.25m : 0m;
            var flagged = hour == FlaggedHour;
            hours.Add(new EnergyAggregate(meter, AggregateResolution.Hour, hour, import, export, !flagged, flagged ? FlaggedReason : null));
        }

        return new KnownHistory(meter, hours);
    }

    public async Task WriteAsync(IHistoryStore store) =>
        await store.UpsertAggregatesAsync([.. Hours, .. Days, .. Months], CancellationToken.None);

    /// <summary>The hours of one local day.</summary>
    public List<EnergyAggregate> HoursOf(DateOnly day) =>
        [.. Hours.Where(h => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(h.Start, Oslo).DateTime) == day)];

    /// <summary>Midnight plus some hours of a local day in Oslo, as an instant.</summary>
    public static DateTimeOffset Local(DateOnly day, int hour)
    {
        var local = day.ToDateTime(new TimeOnly(hour, 0));
        return new DateTimeOffset(local, Oslo.GetUtcOffset(local));
    }

    private List<EnergyAggregate> Sum(List<EnergyAggregate> hours, AggregateResolution resolution, Func<DateTime, DateTime> periodOf) =>
        [.. hours.GroupBy(h => periodOf(TimeZoneInfo.ConvertTime(h.Start, Oslo).DateTime)).Select(period =>
        {
            var flags = period.Select(h => h.Flags).FirstOrDefault(f => f is not null);
            var start = new DateTimeOffset(period.Key, Oslo.GetUtcOffset(period.Key));
            return new EnergyAggregate(Meter, resolution, start, period.Sum(h => h.ImportKwh), period.Sum(h => h.ExportKwh), period.All(h => h.Exact), flags);
        })];
}
