namespace Han.Storage;

/// <summary>
/// A meter's energy over one period starting at <see cref="Start"/> (UTC): import and export in kWh
/// (null when unknown, never 0), whether they come from the meter's exact registers or from the live
/// estimate, and why, in words, when anything about the period is doubtful (<see cref="Flags"/>).
/// </summary>
public sealed record EnergyAggregate(
    string Meter,
    AggregateResolution Resolution,
    DateTimeOffset Start,
    decimal? ImportKwh,
    decimal? ExportKwh,
    bool Exact,
    string? Flags);
