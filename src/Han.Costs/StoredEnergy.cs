using Han.Pricing;
using Han.Storage;

namespace Han.Costs;

/// <summary>
/// The store's energy aggregates as the engine's intervals. An hour the store has from the meter's
/// registers is exact; one it could only estimate (from the live power) is billed but marked estimated,
/// so the capacity step leaves it out and the invoice says how much was estimated; one it knows nothing
/// of is left out, so the engine reports it missing instead of billing an invented 0.
/// </summary>
public static class StoredEnergy
{
    /// <summary>The intervals of the aggregates with a known import, in time order.</summary>
    public static IReadOnlyList<EnergyInterval> ToIntervals(IEnumerable<EnergyAggregate> aggregates)
    {
        ArgumentNullException.ThrowIfNull(aggregates);
        var intervals = new List<EnergyInterval>();
        foreach (var aggregate in aggregates.OrderBy(a => a.Start))
        {
            if (aggregate.ImportKwh is not { } import || LengthOf(aggregate.Resolution) is not { } length)
            {
                continue;
            }

            intervals.Add(new EnergyInterval(aggregate.Start, length, import, aggregate.ExportKwh ?? 0m, !aggregate.Exact));
        }

        return intervals;
    }

    /// <summary>Reads a meter's hours (or quarters) of a period from the store.</summary>
    public static async Task<IReadOnlyList<EnergyInterval>> ReadAsync(
        IHistoryStore store, string meter, CostPeriod period, TimeZoneInfo zone, SettlementResolution resolution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var (from, to) = PeriodBounds.Of(period, zone);
        var aggregates = await store.ReadAggregatesAsync(meter, AggregateOf(resolution), from, to, cancellationToken).ConfigureAwait(false);
        return ToIntervals(aggregates);
    }

    private static AggregateResolution AggregateOf(SettlementResolution resolution) =>
        resolution == SettlementResolution.QuarterHour ? AggregateResolution.FifteenMinutes : AggregateResolution.Hour;

    private static TimeSpan? LengthOf(AggregateResolution resolution) => resolution switch
    {
        AggregateResolution.Hour => EnergyInterval.Hour,
        AggregateResolution.FifteenMinutes => EnergyInterval.Quarter,
        _ => null,
    };
}
