using Han.Pricing;
using Han.Storage;

namespace Han.Costs;

/// <summary>The spot prices cached in the store (<see cref="IPriceStore"/>) as the engine's prices.</summary>
public static class StoredSpotPrices
{
    public static IReadOnlyList<SpotPrice> ToSpotPrices(IEnumerable<StoredPrice> prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        return [.. prices.Select(p => new SpotPrice(p.Start, p.End - p.Start, p.NokPerKwh))];
    }

    /// <summary>A zone's cached prices over a period's local days.</summary>
    public static async Task<IReadOnlyList<SpotPrice>> ReadAsync(IPriceStore store, string zone, CostPeriod period, TimeZoneInfo timeZone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var (from, to) = PeriodBounds.Of(period, timeZone);
        return ToSpotPrices(await store.ReadPricesAsync(zone, from, to, cancellationToken).ConfigureAwait(false));
    }
}
