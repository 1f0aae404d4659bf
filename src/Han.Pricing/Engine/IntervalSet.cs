namespace Han.Pricing;

/// <summary>
/// A period's energy made ready for costing: in settlement intervals with their spot price, in hours
/// (priced, for the support and the cost per hour; and all of them, priced or not, for the capacity
/// step, which needs no price), and what could not be costed.
/// </summary>
internal sealed record IntervalSet(
    IReadOnlyList<PricedInterval> Settlement,
    IReadOnlyList<PricedInterval> Hours,
    IReadOnlyList<EnergyInterval> EnergyHours,
    IReadOnlyList<DateTimeOffset> MissingHours,
    IReadOnlyList<DateTimeOffset> Unpriced);
