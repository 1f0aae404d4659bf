using Han.Cli.Configuration;
using Han.Costs;
using Han.Integrations.Prices;
using Han.Pricing;

namespace Han.Cli.Cost;

/// <summary>
/// What the bill depends on besides energy and prices, from han cost's options over the configuration's
/// <c>prices:</c> and <c>grid:</c>: the zone, the grid company's tariff (Norway), the support scheme,
/// the tax region, the residence, and the supplier's markup and fee (both excluding VAT).
/// </summary>
/// <param name="Tariff">The grid company's tariff; null outside Norway (the simple market then bills spot, markup and fee only).</param>
internal sealed record CostSettings(
    BiddingZone Zone,
    GridTariff? Tariff,
    SupportScheme Support,
    TaxRegion Region,
    Residence Residence,
    decimal MarkupOrePerKwh,
    decimal SupplierFeeNokPerMonth)
{
    /// <summary>Overrides the rates' strømstøtte threshold (øre/kWh ex VAT); null to use the rates'.</summary>
    public decimal? StromstotteThresholdOre { get; init; }

    /// <summary>Overrides the rates' Norgespris level (øre/kWh ex VAT); null to use the rates'.</summary>
    public decimal? NorgesprisOre { get; init; }

    /// <summary>Local days and hours of Norway's bill; a simple market counts in UTC unless told otherwise.</summary>
    public TimeZoneInfo TimeZone => Tariff is null ? TimeZoneInfo.Utc : NorwaySettings.Oslo;

    /// <summary>
    /// The settings of han run's configuration: its <c>prices:</c> (zone, markup, fee) and <c>grid:</c>
    /// (tariff, support, region, residence); null without a <c>prices:</c> section, or in Norway without a
    /// grid company (then han run shows no cost).
    /// </summary>
    public static CostSettings? FromConfiguration(PricesConfiguration? prices, GridConfiguration? grid)
    {
        if (prices is null)
        {
            return null;
        }

        GridTariff? tariff = null;
        if (prices.Zone.IsNorwegian)
        {
            if (grid?.Tariff is null)
            {
                return null; // no grid company given (or its tariff could not be read, which --check reports)
            }

            tariff = grid.Tariff;
        }

        var settings = new CostSettings(
            prices.Zone,
            tariff,
            grid?.Support ?? SupportScheme.Stromstotte,
            grid?.Region ?? TaxRegion.Standard,
            grid?.Residence ?? Residence.Home,
            prices.MarkupOrePerKwh,
            prices.SupplierFeeNokPerMonth)
        {
            StromstotteThresholdOre = grid?.StromstotteThresholdOre,
            NorgesprisOre = grid?.NorgesprisOre,
        };
        return settings;
    }

    /// <summary>The engine and what the live cost needs besides: Norway's rules with the tariff, or the simple market.</summary>
    public CostProfile Profile()
    {
        if (Tariff is null)
        {
            var simple = new SimpleMarketCostEngine(new SimpleMarketSettings
            {
                MarkupPerKwh = MarkupOrePerKwh / 100m,
                MonthlyFees = SupplierFeeNokPerMonth == 0m ? [] : [new Fee(Party.Supplier, "Fastbeløp", SupplierFeeNokPerMonth)],
                TimeZone = TimeZone,
            });
            return new CostProfile(simple, Zone.Code, TimeZone, _ => null);
        }

        return CostProfile.Norway(
            new NorwaySettings(Tariff, new SupplierContract(MarkupOrePerKwh, SupplierFeeNokPerMonth)) { Support = Support, Region = Region, Residence = Residence, StromstotteThresholdOrePerKwh = StromstotteThresholdOre, NorgesprisOrePerKwh = NorgesprisOre },
            Zone.Code);
    }

    /// <summary>One line saying what was assumed, for the text's heading.</summary>
    public string Describe() => Tariff is null
        ? $"{Zone.Code}, spot + markup {MarkupOrePerKwh} øre/kWh + {SupplierFeeNokPerMonth} NOK/month (ex VAT; no grid tariff or taxes outside Norway)"
        : $"{Zone.Code}, grid {Tariff.Company}, {Describe(Support)}{Overrides()}, {Describe(Region)}{(Residence == Residence.HolidayHome ? ", holiday home" : string.Empty)}, supplier markup {MarkupOrePerKwh} øre/kWh and {SupplierFeeNokPerMonth} NOK/month ex VAT";

    /// <summary>The rates the user set in place of the data's (", threshold 77 øre").</summary>
    private string Overrides() =>
        (Support == SupportScheme.Stromstotte && StromstotteThresholdOre is { } threshold ? $" (threshold {threshold} øre)" : string.Empty)
        + (Support == SupportScheme.Norgespris && NorgesprisOre is { } level ? $" ({level} øre)" : string.Empty);

    private static string Describe(SupportScheme support) => support switch
    {
        SupportScheme.Norgespris => "Norgespris",
        SupportScheme.None => "no support",
        _ => "strømstøtte",
    };

    private static string Describe(TaxRegion region) => region switch
    {
        TaxRegion.VatExempt => "VAT-exempt region",
        TaxRegion.Tiltakssone => "tiltakssone",
        _ => "standard VAT region",
    };
}
