namespace Han.Trust;

/// <summary>One day's highest hour, as used in the capacity basis: when, how much, and how sure.</summary>
public sealed record CapacityPeak(
    DateOnly Day,
    DateTimeOffset StartUtc,
    DateTimeOffset StartLocal,
    decimal ImportKwh,
    EnergySource Source,
    IReadOnlyList<HourFlag> Flags);
