namespace Han.Pricing;

/// <summary>
/// Everything about a Norwegian metering point that the cost depends on besides energy and prices.
/// Defaults are those of most households; each is reported in <see cref="CostReport.Used"/>.
/// </summary>
public sealed record NorwaySettings
{
    public NorwaySettings(GridTariff tariff, SupplierContract supplier)
    {
        Tariff = tariff ?? throw new ArgumentNullException(nameof(tariff));
        Supplier = supplier ?? throw new ArgumentNullException(nameof(supplier));
    }

    /// <summary>The grid company's tariff.</summary>
    public GridTariff Tariff { get; init; }

    /// <summary>The supplier's markup and fixed fee (ex VAT).</summary>
    public SupplierContract Supplier { get; init; }

    public TaxRegion Region { get; init; } = TaxRegion.Standard;

    /// <summary>Strømstøtte unless the household ordered Norgespris (specs/pricing.md §6: the default scheme).</summary>
    public SupportScheme Support { get; init; } = SupportScheme.Stromstotte;

    public Residence Residence { get; init; } = Residence.Home;

    /// <summary>Hour by default (pricing.md §2.2: most metering points are still settled hourly).</summary>
    public SettlementResolution Settlement { get; init; } = SettlementResolution.Hour;

    /// <summary>
    /// The interval the support is computed in: the hour by default, with the hour's mean spot price
    /// ("timespris", pricing.md §6 and §10.3 leave the 15-minute case open).
    /// </summary>
    public SettlementResolution SupportResolution { get; init; } = SettlementResolution.Hour;

    public CapacityHours CapacityHours { get; init; } = CapacityHours.TrustedOnly;

    /// <summary>Overrides the strømstøtte threshold of the rates data (øre/kWh ex VAT), e.g. once 2026's is known.</summary>
    public decimal? StromstotteThresholdOrePerKwh { get; init; }

    /// <summary>Overrides the Norgespris level of the rates data (øre/kWh ex VAT).</summary>
    public decimal? NorgesprisOrePerKwh { get; init; }

    /// <summary>
    /// What the supplier deducts from the spot price per exported kWh (øre/kWh; 0 when the contract
    /// pays the plain spot price). A household selling surplus power charges no VAT.
    /// </summary>
    public decimal ExportDeductionOrePerKwh { get; init; }

    /// <summary>Local days, hours and months are taken in this zone.</summary>
    public TimeZoneInfo TimeZone { get; init; } = Oslo;

    /// <summary>Europe/Oslo.</summary>
    public static TimeZoneInfo Oslo => TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    internal CustomerGroup CustomerGroup => Residence == Residence.HolidayHome ? CustomerGroup.HolidayHome : CustomerGroup.Household;
}
