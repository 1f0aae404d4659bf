namespace Han.Costs;

/// <summary>
/// The hour now under way, against the month's capacity basis: its import so far, where that came
/// from (<c>hour aggregate</c> or <c>minute power</c>), the import power it is projected with, the
/// projection to the end of the hour, and whether that would raise the basis.
/// </summary>
public sealed record CurrentHour(
    DateTimeOffset Start,
    decimal ImportKwh,
    string Source,
    int ElapsedSeconds,
    decimal PowerWatts,
    decimal ProjectedKwh,
    bool RaisesBasis);
