namespace Han.Pricing;

/// <summary>
/// Which interval energy is multiplied by its price in: the hour (hourly energy times the mean of the
/// hour's spot prices) or the quarter hour (each quarter's energy times its own price, where the store
/// has quarters). specs/pricing.md §2.2 and §10.3 leave it open; it depends on the metering point and the
/// contract. With hourly energy both give the same result.
/// </summary>
public enum SettlementResolution
{
    /// <summary>The default: most Norwegian metering points are still settled hourly (Elhub, pricing.md §2.2).</summary>
    Hour,

    /// <summary>Each quarter's energy at its own price (metering points Elhub has moved to 15 minutes).</summary>
    QuarterHour,
}
