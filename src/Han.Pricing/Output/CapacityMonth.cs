namespace Han.Pricing;

/// <summary>
/// A month's capacity step (DESIGN.md §2.3 "capacity"): the hours used, their average, the step and its
/// amount, and the hours left out because the store estimated them.
/// </summary>
/// <param name="Year">The local year.</param>
/// <param name="Month">The local month.</param>
/// <param name="Method">How the power was measured.</param>
/// <param name="Peaks">The hours used, highest first (three on three days for the common model; fewer when the month has fewer days with data).</param>
/// <param name="AverageKwh">The power that chose the step (kWh/h = average kW); 0 when no hour was usable.</param>
/// <param name="Segments">The step and amount under each tariff in force during the month.</param>
/// <param name="Amount">The month's capacity fee including VAT: the sum of the segments' rounded amounts.</param>
/// <param name="ExcludedEstimatedHours">Starts of estimated hours not used (<see cref="CapacityHours.TrustedOnly"/>).</param>
public sealed record CapacityMonth(
    int Year,
    int Month,
    CapacityMethod Method,
    IReadOnlyList<CapacityPeak> Peaks,
    decimal AverageKwh,
    IReadOnlyList<CapacitySegment> Segments,
    decimal Amount,
    IReadOnlyList<DateTimeOffset> ExcludedEstimatedHours);
