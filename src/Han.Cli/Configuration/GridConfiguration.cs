using Han.Pricing;

namespace Han.Cli.Configuration;

/// <summary>
/// The <c>grid:</c> section, checked: the grid company's tariff and what the household's bill depends on
/// besides energy and prices (docs/cost.md). Null values were not given.
/// </summary>
/// <param name="Company">A shipped company's name (elvia) or the path of a fri-nettleie tariff file.</param>
/// <param name="Tariff">The company's tariff, read and checked; null when no company is given.</param>
/// <param name="StromstotteThresholdOre">Overrides the rates' strømstøtte threshold (øre/kWh ex VAT), e.g. once 2026's is confirmed.</param>
/// <param name="StepAlert"><c>step_alert</c>: han run says on MQTT and in Home Assistant when the hour under way is projected to raise the month's capacity step (docs/mqtt.md, "The cost").</param>
internal sealed record GridConfiguration(string? Company, GridTariff? Tariff, SupportScheme? Support, TaxRegion? Region, Residence? Residence, decimal? StromstotteThresholdOre = null, bool StepAlert = false)
{
    /// <summary>Overrides the rates' Norgespris level (øre/kWh ex VAT), e.g. once 2027's is known.</summary>
    public decimal? NorgesprisOre { get; init; }
}
