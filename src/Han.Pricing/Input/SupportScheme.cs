namespace Han.Pricing;

/// <summary>The state's support for household electricity (specs/pricing.md §6-7); never both.</summary>
public enum SupportScheme
{
    /// <summary>No support (a business, or costing without it).</summary>
    None,

    /// <summary>Strømstøtte: 90 % of the hourly spot price above a threshold, for homes, up to a monthly cap.</summary>
    Stromstotte,

    /// <summary>Norgespris: a fixed spot price; the difference to the market is credited or charged, up to a monthly cap.</summary>
    Norgespris,
}
