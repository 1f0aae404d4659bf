using Han.Storage.Aggregation;
using Han.Trust;

namespace Han.Storage;

/// <summary>
/// Stored hour aggregates back as the trust rules' <see cref="HourRow"/>s (for the capacity basis, say):
/// exact ones as exact, others with a value as estimated, none as unknown; flags read back from their text.
/// </summary>
public static class StoredHours
{
    public static IReadOnlyList<HourRow> ToHourRows(IEnumerable<EnergyAggregate> hours, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentNullException.ThrowIfNull(zone);
        return [.. hours
            .Where(h => h.Resolution == AggregateResolution.Hour)
            .Select(h => new HourRow(
                h.Start,
                TimeZoneInfo.ConvertTime(h.Start, zone),
                Energy(h.ImportKwh, h.Exact),
                h.ExportKwh is null ? null : Energy(h.ExportKwh, h.Exact),
                FlagText.Read(h.Flags)))];
    }

    private static HourEnergy Energy(decimal? kwh, bool exact) =>
        kwh is null ? HourEnergy.Unknown : new HourEnergy(kwh, exact ? EnergySource.Exact : EnergySource.Estimated);
}
