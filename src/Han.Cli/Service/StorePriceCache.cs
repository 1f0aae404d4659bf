using Han.Integrations.Prices;
using Han.Storage;

namespace Han.Cli.Service;

/// <summary>The price updater's cache in the history's database (<see cref="IPriceStore"/>, table spot_prices).</summary>
internal sealed class StorePriceCache(IPriceStore store) : IPriceCache
{
    public async Task<IReadOnlyList<SpotPrice>> ReadAsync(BiddingZone zone, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var stored = await store.ReadPricesAsync(zone.Code, from, to, cancellationToken).ConfigureAwait(false);
        return [.. stored.Select(p => new SpotPrice(p.Start, p.End, p.NokPerKwh))];
    }

    public Task WriteAsync(BiddingZone zone, string source, IReadOnlyList<SpotPrice> prices, DateTimeOffset fetchedAt, CancellationToken cancellationToken) =>
        store.WritePricesAsync(zone.Code, [.. prices.Select(p => new StoredPrice(p.Start, p.End, p.NokPerKwh, source, fetchedAt))], cancellationToken);
}
