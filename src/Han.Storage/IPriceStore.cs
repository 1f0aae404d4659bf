namespace Han.Storage;

/// <summary>
/// The spot prices fetched, per bidding zone, kept in the same database as the history (table
/// <c>spot_prices</c>) so that a price is fetched once and an outage of the price service loses nothing.
/// Apart from <see cref="IHistoryStore"/>: prices are not a meter's history.
/// </summary>
public interface IPriceStore
{
    /// <summary>Writes prices of a zone in one transaction, replacing any with the same zone and start.</summary>
    Task WritePricesAsync(string zone, IReadOnlyList<StoredPrice> prices, CancellationToken cancellationToken);

    /// <summary>The zone's prices starting in [<paramref name="from"/>, <paramref name="to"/>), oldest first.</summary>
    Task<IReadOnlyList<StoredPrice>> ReadPricesAsync(string zone, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
