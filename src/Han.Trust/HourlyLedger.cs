namespace Han.Trust;

/// <summary>
/// The hourly ledger of one meter: its hourly lists and the energy integrated from its power in, one
/// row per hour out, from the first hour either covers to the last, each with its source and flags.
/// Steps: (1) place every list on its hour boundary and drop repeats (<see cref="RegisterLabeller"/>);
/// (2) per direction, register differences where plausible, else the estimate (<see cref="SeriesLedger"/>);
/// (3) hours outside the registers' span take the estimate (the current hour, mostly).
/// </summary>
public static class HourlyLedger
{
    public static IReadOnlyList<HourRow> Build(
        IEnumerable<HourlyRegisterReading> readings,
        IEnumerable<QuarterEstimate> quarters,
        TrustOptions options)
    {
        ArgumentNullException.ThrowIfNull(readings);
        ArgumentNullException.ThrowIfNull(quarters);
        ArgumentNullException.ThrowIfNull(options);

        var flags = new FlagBook();
        var registers = RegisterLabeller.Label(readings, options, flags);
        var quarterList = quarters.ToList();
        var importEstimates = HourSums(quarterList, q => q.Import);
        var exportEstimates = HourSums(quarterList, q => q.Export);

        var import = new SeriesLedger("import", [.. registers.Select(r => new RegisterPoint(r.BoundaryUtc, r.Import))], importEstimates, options, flags).Build();
        // A list without the export register (a list type that lacks it) leaves a gap in export only.
        var exportPoints = registers.Where(r => r.Export is not null).Select(r => new RegisterPoint(r.BoundaryUtc, r.Export!.Value)).ToList();
        var export = exportPoints.Count > 0
            ? new SeriesLedger("export", exportPoints, exportEstimates, options, flags).Build()
            : null;

        var hours = import.Keys.Concat(importEstimates.Keys).Concat(flags.Hours).Distinct().Order().ToList();
        if (hours.Count == 0)
        {
            return [];
        }

        var rows = new List<HourRow>();
        for (var hour = hours[0]; hour <= hours[^1]; hour += HourMath.Hour)
        {
            rows.Add(new HourRow(
                hour,
                TimeZoneInfo.ConvertTime(hour, options.Zone),
                Energy(hour, import, importEstimates),
                export is null ? null : Energy(hour, export, exportEstimates),
                flags.For(hour)));
        }

        return rows;
    }

    private static HourEnergy Energy(
        DateTimeOffset hour, IReadOnlyDictionary<DateTimeOffset, HourEnergy> fromRegisters, Dictionary<DateTimeOffset, decimal> estimates) =>
        fromRegisters.TryGetValue(hour, out var energy) ? energy
        : estimates.TryGetValue(hour, out var kwh) ? new HourEnergy(kwh, EnergySource.Estimated)
        : HourEnergy.Unknown;

    private static Dictionary<DateTimeOffset, decimal> HourSums(List<QuarterEstimate> quarters, Func<QuarterEstimate, decimal> direction) =>
        quarters
            .GroupBy(q => HourMath.Floor(q.StartUtc))
            .ToDictionary(g => g.Key, g => g.Sum(direction));
}
