using Han.Pricing;
using Han.Storage.Queries;

namespace Han.Costs;

/// <summary>A cost period's local days as instants: what to read from the store for it.</summary>
public static class PeriodBounds
{
    /// <summary>The start of the period's first day and of the day after its last, in <paramref name="zone"/>.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Of(CostPeriod period, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(zone);
        return (HistoryTime.StartOfDay(period.From, zone), HistoryTime.StartOfDay(period.To, zone));
    }
}
