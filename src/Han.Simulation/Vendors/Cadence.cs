namespace Han.Simulation.Vendors;

/// <summary>
/// When a meter pushes which list, on a grid that starts at every full hour of its clock (Norwegian
/// offsets are whole hours, so the grid is the same in UTC).
/// </summary>
/// <param name="PowerEvery">The period of the power-only list 1, or null when the meter has none (Kamstrup).</param>
/// <param name="FullEvery">The period of list 2.</param>
/// <param name="HourlyAt">How long after the full hour the hourly list is sent.</param>
/// <param name="HourlyReplacesFull">True when the hourly list takes the place of the list 2 due at that moment (Aidon, Kaifa); false when it comes in addition (Kamstrup, between two lists).</param>
public sealed record Cadence(TimeSpan? PowerEvery, TimeSpan FullEvery, TimeSpan HourlyAt, bool HourlyReplacesFull)
{
    /// <summary>The grid every list falls on.</summary>
    public TimeSpan Step => PowerEvery ?? FullEvery;
}
