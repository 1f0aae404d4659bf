namespace Han.Integrations.Prices;

/// <summary>Where spot prices come from: a price service or a local file.</summary>
public interface IPriceSource
{
    /// <summary>The source's name as stored with each price and used in the configuration (hvakosterstrommen, entsoe, file).</summary>
    string Name { get; }

    /// <summary>
    /// The spot prices of one delivery day (<see cref="DeliveryDay"/>) of a zone, in time order, or null
    /// when they are not published yet (tomorrow's before ~13:00 CET). A
    /// <see cref="PriceSourceException"/> when the service is away or its answer cannot be read.
    /// </summary>
    Task<IReadOnlyList<SpotPrice>?> FetchDayAsync(BiddingZone zone, DateOnly day, CancellationToken cancellationToken);
}
