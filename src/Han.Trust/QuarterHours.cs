namespace Han.Trust;

/// <summary>
/// Quarter-hour energy from hourly rows. The meters send registers only every hour, so the shape of
/// the hour comes from the power integrated over each quarter, scaled so the four quarters add up
/// exactly to the hour's energy (exact hours stay exact in sum; the quarter keeps the hour's source).
/// When the hour lacks a quarter's integrated power, or it integrated to nothing, the hour is shared
/// equally: a flat shape, not an invented one, and the sum still holds.
/// </summary>
public static class QuarterHours
{
    private static readonly TimeSpan Quarter = TimeSpan.FromMinutes(15);

    public static IReadOnlyList<QuarterRow> Split(IEnumerable<HourRow> hours, IEnumerable<QuarterEstimate> quarters, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentNullException.ThrowIfNull(quarters);
        ArgumentNullException.ThrowIfNull(zone);

        var byStart = quarters.GroupBy(q => q.StartUtc.ToUniversalTime()).ToDictionary(g => g.Key, g => g.First());
        var rows = new List<QuarterRow>();
        foreach (var hour in hours)
        {
            var starts = Enumerable.Range(0, 4).Select(n => hour.StartUtc + (n * Quarter)).ToArray();
            var estimates = starts.Select(s => byStart.GetValueOrDefault(s)).ToArray();
            var complete = estimates.All(e => e is not null);
            var import = Share(hour.Import, complete ? [.. estimates.Select(e => e!.Import)] : null);
            var export = hour.Export is null ? null : Share(hour.Export, complete ? [.. estimates.Select(e => e!.Export)] : null);
            for (var n = 0; n < 4; n++)
            {
                rows.Add(new QuarterRow(
                    starts[n],
                    TimeZoneInfo.ConvertTime(starts[n], zone),
                    import[n],
                    export?[n],
                    hour.Flags));
            }
        }

        return rows;
    }

    private static HourEnergy[] Share(HourEnergy hour, decimal[]? weights) =>
        hour.Kwh is { } kwh
            ? [.. Shares.Split(kwh, weights, 4).Select(part => new HourEnergy(part, hour.Source))]
            : [HourEnergy.Unknown, HourEnergy.Unknown, HourEnergy.Unknown, HourEnergy.Unknown];
}
