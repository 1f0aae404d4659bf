namespace Han.Pricing;

/// <summary>
/// A market without Norway's rules: the spot price plus a markup per kWh, any per-kWh fees (a flat grid
/// energy price, an energy tax) and any monthly fees, all excluding VAT, with one VAT rate on everything.
/// Amounts are in the currency the spot prices are in, per kWh (not øre).
/// </summary>
public sealed record SimpleMarketSettings
{
    public decimal MarkupPerKwh { get; init; }

    public IReadOnlyList<Fee> PerKwhFees { get; init; } = [];

    public IReadOnlyList<Fee> MonthlyFees { get; init; } = [];

    /// <summary>A fraction: 0.25 for 25 %.</summary>
    public decimal VatRate { get; init; }

    public SettlementResolution Settlement { get; init; } = SettlementResolution.Hour;

    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;
}
