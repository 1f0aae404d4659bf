namespace Han.Trust;

/// <summary>
/// A day's or a month's energy in the configured zone: the sums of its hourly rows (unknown hours
/// add nothing and are counted), and how many hours were exact, estimated, unknown and flagged.
/// </summary>
/// <param name="Start">The first local day of the period.</param>
/// <param name="Hours">Hours in the period that have a row (23 or 25 on DST days).</param>
public sealed record PeriodTotal(
    DateOnly Start,
    int Hours,
    decimal Import,
    decimal? Export,
    int ExactHours,
    int EstimatedHours,
    int UnknownHours,
    int FlaggedHours);
