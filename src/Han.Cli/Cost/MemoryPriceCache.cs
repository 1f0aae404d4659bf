using Han.Integrations.Prices;

namespace Han.Cli.Cost;

/// <summary>The price updater's cache when han cost has no store to keep fetched prices in: this run only.</summary>
internal sealed class MemoryPriceCache : IPriceCache
{
    private readonly SortedDictionary<DateTimeOffset, SpotPrice> _prices = [];

    public Task<IReadOnlyList<SpotPrice>> ReadAsync(BiddingZone zone, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SpotPrice>>([.. _prices.Values.Where(p => p.Start >= from && p.Start < to)]);

    public Task WriteAsync(BiddingZone zone, string source, IReadOnlyList<SpotPrice> prices, DateTimeOffset fetchedAt, CancellationToken cancellationToken)
    {
        foreach (var price in prices)
        {
            _prices[price.Start] = price;
        }

        return Task.CompletedTask;
    }
}
