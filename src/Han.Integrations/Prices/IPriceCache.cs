namespace Han.Integrations.Prices;

/// <summary>Where fetched prices are kept (the store's prices table), so that nothing is fetched twice.</summary>
public interface IPriceCache
{
    /// <summary>The zone's prices starting in [<paramref name="from"/>, <paramref name="to"/>), in time order.</summary>
    Task<IReadOnlyList<SpotPrice>> ReadAsync(BiddingZone zone, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>Keeps prices, replacing any of the zone with the same start.</summary>
    Task WriteAsync(BiddingZone zone, string source, IReadOnlyList<SpotPrice> prices, DateTimeOffset fetchedAt, CancellationToken cancellationToken);
}
