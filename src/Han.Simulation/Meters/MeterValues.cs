namespace Han.Simulation.Meters;

/// <summary>
/// What the meter measures at one instant, before rounding to what it sends: net active and reactive
/// power (positive = import) and, per measuring element, the current (signed by the direction of its
/// active power) and the voltage as the meter reports it (phase voltages on TN; on IT, UL1 = U12, UL2 =
/// U13, UL3 = U23; norway-lists.md §3, §7). A single-phase meter has one element.
/// </summary>
public sealed record MeterValues(double ActivePower, double ReactivePower, IReadOnlyList<double> Currents, IReadOnlyList<double> Voltages);
