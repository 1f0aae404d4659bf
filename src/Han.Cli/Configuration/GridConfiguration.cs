using Han.Pricing;

namespace Han.Cli.Configuration;

/// <summary>
/// The <c>grid:</c> section, checked: the grid company's tariff and what the household's bill depends on
/// besides energy and prices (docs/cost.md). Null values were not given.
/// </summary>
/// <param name="Company">A shipped company's name (elvia) or the path of a fri-nettleie tariff file.</param>
/// <param name="Tariff">The company's tariff, read and checked; null when no company is given.</param>
/// <param name="StromstotteThresholdOre">Overrides the rates' strømstøtte threshold (øre/kWh ex VAT), e.g. once 2026's is confirmed.</param>
internal sealed record GridConfiguration(string? Company, GridTariff? Tariff, SupportScheme? Support, TaxRegion? Region, Residence? Residence, decimal? StromstotteThresholdOre = null);
