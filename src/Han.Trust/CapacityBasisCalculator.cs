namespace Han.Trust;

/// <summary>
/// Computes <see cref="CapacityBasis"/> for one local month from the ledger's hourly rows. The rule
/// (specs/pricing.md §5.1, from fri-nettleie's TRE_DØGNMAX_MND, Norgesnett's "maksimaltimen" and Telemark
/// Nett's FAQ): per day take the day's highest hourly energy; the basis is the mean of the three highest
/// of these daily maxima, so three hours on three different days. Days are calendar days in the zone,
/// also on DST days. Hours come from the ledger, never from raw registers: a flagged hour counts with its
/// fallback (the estimate), so a register jump cannot make a peak; unknown hours are left out. With
/// <paramref name="exactOnly"/> only exact hours count. Ties go to the earlier hour, so the answer is
/// stable.
/// </summary>
public static class CapacityBasisCalculator
{
    public const int PeakDays = 3;

    public static CapacityBasis Compute(IEnumerable<HourRow> hours, int year, int month, TimeZoneInfo zone, bool exactOnly = false)
    {
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentNullException.ThrowIfNull(zone);

        var peaks = hours
            .Where(h => h.Import.Kwh is not null && (!exactOnly || h.Import.Source == EnergySource.Exact))
            .Select(h => (Hour: h, Day: PeriodTotals.LocalDate(h, zone)))
            .Where(x => x.Day.Year == year && x.Day.Month == month)
            .GroupBy(x => x.Day)
            .Select(day => day.OrderByDescending(x => x.Hour.Import.Kwh).ThenBy(x => x.Hour.StartUtc).First())
            .OrderByDescending(x => x.Hour.Import.Kwh)
            .ThenBy(x => x.Hour.StartUtc)
            .Take(PeakDays)
            .Select(x => new CapacityPeak(x.Day, x.Hour.StartUtc, x.Hour.StartLocal, x.Hour.Import.Kwh!.Value, x.Hour.Import.Source, x.Hour.Flags))
            .ToList();

        return new CapacityBasis(peaks.Count == 0 ? null : peaks.Average(p => p.ImportKwh), peaks);
    }
}
