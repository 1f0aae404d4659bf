using Han.Cli.Configuration;
using Han.Pricing;

namespace Han.Cli.Cost;

/// <summary>Everything han cost was asked, checked.</summary>
/// <param name="ConsumptionFile">A CSV of consumption; null to read the store's hours.</param>
/// <param name="Store">The store (for consumption, or the price cache); null when neither needs one.</param>
/// <param name="Prices">The configuration's <c>prices:</c>, for its source and token; null without one.</param>
internal sealed record CostJob(
    CostPeriod Period,
    string? ConsumptionFile,
    PriceChoice PriceChoice,
    CostSettings Settings,
    bool Json,
    NamedStore? Store,
    string? Meter,
    PricesConfiguration? Prices);
