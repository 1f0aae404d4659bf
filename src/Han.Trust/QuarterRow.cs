namespace Han.Trust;

/// <summary>One quarter hour's energy: its start (UTC and local), import and export, and its hour's flags.</summary>
public sealed record QuarterRow(
    DateTimeOffset StartUtc,
    DateTimeOffset StartLocal,
    HourEnergy Import,
    HourEnergy? Export,
    IReadOnlyList<HourFlag> Flags);
