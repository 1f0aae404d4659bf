using Han.Trust;

namespace Han.Storage.Aggregation;

/// <summary>
/// The energy integrated from power per quarter hour, from the stored per-minute power: each minute that
/// has lists counts its mean power for the whole minute (mean W × 60 s), and a quarter is the sum of its
/// minutes. This is the power integral alone, never the live estimate, which is re-anchored to each
/// register and would make the jump check compare a register with itself (docs/trust.md, "Input").
/// A quarter without any minute has no estimate (its hour is then judged as partly integrated).
/// </summary>
internal static class QuarterEstimates
{
    private const decimal WattMinutesPerKwh = 60_000m;
    private const int Decimals = 6; // micro-kWh: what the store keeps, so stored quarters add up to stored hours
    private static readonly long QuarterTicks = TimeSpan.FromMinutes(15).Ticks;

    public static IReadOnlyList<QuarterEstimate> FromMinutes(IEnumerable<MinutePower> minutes) =>
        [.. minutes
            .GroupBy(minute => new DateTimeOffset(minute.Start.UtcTicks - (minute.Start.UtcTicks % QuarterTicks), TimeSpan.Zero))
            .OrderBy(quarter => quarter.Key)
            .Select(quarter => new QuarterEstimate(
                quarter.Key,
                Kwh(quarter.Sum(minute => Energy(minute.Import))),
                Kwh(quarter.Sum(minute => Energy(minute.Export)))))];

    private static decimal Energy(PowerSummary? power) => power is { Count: > 0 } p ? (decimal)p.Mean : 0m;

    private static decimal Kwh(decimal wattMinutes) => Math.Round(wattMinutes / WattMinutesPerKwh, Decimals, MidpointRounding.ToEven);
}
