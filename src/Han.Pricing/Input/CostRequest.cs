namespace Han.Pricing;

/// <summary>What to cost: the period, the energy the store has for it, and the spot prices.</summary>
/// <param name="Period">The local days to cost.</param>
/// <param name="Energy">Intervals of energy (hours or quarters, any order); those outside the period are ignored.</param>
/// <param name="Prices">Spot prices of the zone, any resolution, NOK/kWh excluding VAT.</param>
public sealed record CostRequest(CostPeriod Period, IReadOnlyList<EnergyInterval> Energy, IReadOnlyList<SpotPrice> Prices)
{
    /// <summary>
    /// Now, when the period runs past it (this month so far): hours from the one in progress on are not
    /// missing, only not there yet. Null: every hour of the period should have its energy.
    /// </summary>
    public DateTimeOffset? ExpectedUntil { get; init; }
}
