using Han.Live;
using Han.Readings;
using Han.Storage;
using Han.Trust;

namespace Han.Costs;

/// <summary>
/// The month's capacity basis from the stored hour aggregates, by Han.Trust's rule
/// (<see cref="CapacityBasisCalculator"/>: the highest hour of each day, the three highest such days),
/// and the projection of the hour under way: import so far plus the current import power times the
/// seconds left in the hour (docs/web.md). Shared by the dashboard and the live cost (Home Assistant), so both project the hour the same way.
/// </summary>
public static class CapacityReckoning
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    /// <summary>How old the live power may be to project with; older, the newest minute's mean is used.</summary>
    private static readonly TimeSpan FreshPower = TimeSpan.FromMinutes(1);

    /// <summary>A stored hour as the rule takes it: exact from registers, or estimated; no import, unknown.</summary>
    public static HourRow ToRow(EnergyAggregate hour, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(hour);
        return new HourRow(
            hour.Start,
            TimeZoneInfo.ConvertTime(hour.Start, zone),
            Energy(hour.ImportKwh, hour.Exact),
            hour.ExportKwh is null ? null : Energy(hour.ExportKwh, hour.Exact),
            []);
    }

    public static CapacityBasis Basis(IEnumerable<HourRow> rows, DateOnly month, TimeZoneInfo zone) =>
        CapacityBasisCalculator.Compute(rows, month.Year, month.Month, zone);

    /// <param name="hours">The month's stored hour aggregates.</param>
    /// <param name="minutes">The per-minute power of the hour under way, so far.</param>
    /// <param name="live">The meter's live state, when han reads it now.</param>
    public static CurrentHour Project(
        DateTimeOffset now,
        DateOnly month,
        TimeZoneInfo zone,
        IReadOnlyList<EnergyAggregate> hours,
        IReadOnlyList<MinutePower> minutes,
        LiveReading? live)
    {
        var start = HourStart(now);
        var elapsed = now - start;
        var stored = hours.FirstOrDefault(h => h.Start == start && h.ImportKwh is not null);
        var (soFar, source) = stored is not null
            ? (stored.ImportKwh!.Value, "hour aggregate")
            : (Integrate(minutes, now), "minute power");
        var power = CurrentPower(now, minutes, live);
        var projected = decimal.Round(soFar + (power / 1000m * (decimal)(Hour - elapsed).TotalHours), 6);

        var rows = hours.Where(h => h.Start != start).Select(h => ToRow(h, zone)).ToList();
        var before = Basis(rows, month, zone).MeanKwh ?? 0m;
        rows.Add(new HourRow(start, TimeZoneInfo.ConvertTime(start, zone), new HourEnergy(projected, EnergySource.Estimated), null, []));
        var after = Basis(rows, month, zone).MeanKwh ?? 0m;
        return new CurrentHour(start, decimal.Round(soFar, 6), source, (int)elapsed.TotalSeconds, power, projected, after > before);
    }

    /// <summary>The start of the hour under way (UTC hours: the zones han serves are whole hours from UTC).</summary>
    public static DateTimeOffset HourStart(DateTimeOffset now) =>
        new(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);

    private static HourEnergy Energy(decimal? kwh, bool exact) =>
        kwh is { } value ? new HourEnergy(value, exact ? EnergySource.Exact : EnergySource.Estimated) : HourEnergy.Unknown;

    /// <summary>Each minute's mean import over the part of the minute that has passed, in kWh.</summary>
    private static decimal Integrate(IReadOnlyList<MinutePower> minutes, DateTimeOffset now)
    {
        var kwh = 0m;
        foreach (var minute in minutes)
        {
            if (minute.Import is not { } import)
            {
                continue;
            }

            var seconds = Math.Clamp((now - minute.Start).TotalSeconds, 0, 60);
            kwh += (decimal)import.Mean * (decimal)seconds / 3_600_000m;
        }

        return kwh;
    }

    /// <summary>The live import power when fresh, else the newest minute's mean of the last two minutes, else 0 (nothing is known to be drawn).</summary>
    private static decimal CurrentPower(DateTimeOffset now, IReadOnlyList<MinutePower> minutes, LiveReading? live)
    {
        if (live?.Reading is { Received: { } received } reading && now - received <= FreshPower && reading[ReadingField.ActivePowerImport] is { } watts)
        {
            return watts;
        }

        return minutes.LastOrDefault(m => m.Import is not null && now - m.Start <= 2 * FreshPower)?.Import is { } newest
            ? decimal.Round((decimal)newest.Mean, 1)
            : 0m;
    }
}
