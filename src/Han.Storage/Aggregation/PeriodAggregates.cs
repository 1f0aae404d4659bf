using System.Globalization;
using Han.Trust;

namespace Han.Storage.Aggregation;

/// <summary>
/// The trust rules' rows as stored aggregates. An hour or quarter is exact when every direction the
/// meter sends is an exact register difference; its flags are the hour's, one per line. A day is exact
/// when it has all its hours (23, 24 or 25) and each is exact; a month when it has all its days and each
/// is exact. A day's or month's flags are a short summary; the hours keep the reasons.
/// </summary>
internal static class PeriodAggregates
{
    public static EnergyAggregate Hour(string meter, HourRow hour) =>
        new(meter, AggregateResolution.Hour, hour.StartUtc, hour.Import.Kwh, hour.Export?.Kwh, hour.IsExact, FlagText.Write(hour.Flags));

    public static EnergyAggregate Quarter(string meter, QuarterRow quarter) =>
        new(
            meter,
            AggregateResolution.FifteenMinutes,
            quarter.StartUtc,
            quarter.Import.Kwh,
            quarter.Export?.Kwh,
            quarter.Import.Source == EnergySource.Exact && (quarter.Export is null || quarter.Export.Source == EnergySource.Exact),
            FlagText.Write(quarter.Flags));

    /// <summary>A local day from its hours; null when none of its hours has a row.</summary>
    public static EnergyAggregate? Day(string meter, DateTimeOffset startUtc, IReadOnlyList<HourRow> hours, int hoursInDay)
    {
        if (hours.Count == 0)
        {
            return null;
        }

        var known = hours.Where(h => h.Import.Kwh is not null).ToList();
        var exportKnown = hours.Where(h => h.Export?.Kwh is not null).ToList();
        var exact = hours.Count == hoursInDay && hours.All(h => h.IsExact);
        return new EnergyAggregate(
            meter,
            AggregateResolution.Day,
            startUtc,
            known.Count == 0 ? null : known.Sum(h => h.Import.Kwh!.Value),
            exportKnown.Count == 0 ? null : exportKnown.Sum(h => h.Export!.Kwh!.Value),
            exact,
            DaySummary(hours, hoursInDay));
    }

    /// <summary>A local month from its stored days; null when it has none.</summary>
    public static EnergyAggregate? Month(string meter, DateTimeOffset startUtc, IReadOnlyList<EnergyAggregate> days, int daysInMonth)
    {
        if (days.Count == 0)
        {
            return null;
        }

        var known = days.Where(d => d.ImportKwh is not null).ToList();
        var exportKnown = days.Where(d => d.ExportKwh is not null).ToList();
        var notExact = days.Count(d => !d.Exact);
        var parts = new List<string>();
        if (notExact > 0)
        {
            parts.Add(Invariant($"{notExact} of {days.Count} days not exact"));
        }

        if (days.Count < daysInMonth)
        {
            parts.Add(Invariant($"{days.Count} of {daysInMonth} days"));
        }

        return new EnergyAggregate(
            meter,
            AggregateResolution.Month,
            startUtc,
            known.Count == 0 ? null : known.Sum(d => d.ImportKwh!.Value),
            exportKnown.Count == 0 ? null : exportKnown.Sum(d => d.ExportKwh!.Value),
            days.Count == daysInMonth && notExact == 0,
            parts.Count == 0 ? null : string.Join("; ", parts));
    }

    /// <summary><c>2 hours flagged (missing list, register jump); 1 hour estimated; 20 of 24 hours</c>, or null when all is well.</summary>
    private static string? DaySummary(IReadOnlyList<HourRow> hours, int hoursInDay)
    {
        var parts = new List<string>();
        var flagged = hours.Where(h => h.Flags.Count > 0).ToList();
        if (flagged.Count > 0)
        {
            var kinds = flagged.SelectMany(h => h.Flags).Select(f => f.Kind).Distinct().Order().Select(FlagText.Name);
            parts.Add(Invariant($"{Hours(flagged.Count)} flagged ({string.Join(", ", kinds)})"));
        }

        var estimated = hours.Count(h => !h.IsExact && !h.IsUnknown);
        if (estimated > 0)
        {
            parts.Add($"{Hours(estimated)} estimated");
        }

        var unknown = hours.Count(h => h.IsUnknown);
        if (unknown > 0)
        {
            parts.Add($"{Hours(unknown)} unknown");
        }

        if (hours.Count < hoursInDay)
        {
            parts.Add(Invariant($"{hours.Count} of {hoursInDay} hours"));
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static string Hours(int count) => count == 1 ? "1 hour" : Invariant($"{count} hours");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
