using Han.Simulation.Vendors;

namespace Han.Simulation.Time;

/// <summary>A list a meter sends, and when (UTC).</summary>
public readonly record struct ScheduledList(DateTimeOffset Time, ListKind Kind);
