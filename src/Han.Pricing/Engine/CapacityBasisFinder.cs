namespace Han.Pricing;

/// <summary>
/// Finds the power that chooses a month's capacity step from its hours (specs/pricing.md §5.1): for
/// TRE_DØGNMAX_MND each local day's highest hour, then the mean of the three highest of these, so three
/// hours on three different days; for MND_MAX the single highest hour. Ties go to the earlier hour.
/// Estimated hours are left out (and listed) unless <see cref="CapacityHours.IncludeEstimated"/>.
/// </summary>
internal static class CapacityBasisFinder
{
    public const int PeakDays = 3;

    public static (IReadOnlyList<CapacityPeak> Peaks, decimal Average, IReadOnlyList<DateTimeOffset> Excluded) Find(
        IEnumerable<EnergyInterval> monthHours, CapacityMethod method, CapacityHours which, TimeZoneInfo zone)
    {
        var excluded = new List<DateTimeOffset>();
        var usable = new List<CapacityPeak>();
        foreach (var hour in monthHours)
        {
            if (hour.Estimated && which == CapacityHours.TrustedOnly)
            {
                excluded.Add(hour.Start);
                continue;
            }

            var local = TimeZoneInfo.ConvertTimeFromUtc(hour.Start.UtcDateTime, zone);
            usable.Add(new CapacityPeak(DateOnly.FromDateTime(local), hour.Start, local, hour.ImportKwh));
        }

        var count = method switch
        {
            CapacityMethod.ThreeDailyMaximaOfMonth => PeakDays,
            CapacityMethod.MonthlyMaximum => 1,
            _ => throw new ArgumentException($"The capacity method {method} is not computed by han (it needs more than the month's hours); describe the tariff with ThreeDailyMaximaOfMonth or MonthlyMaximum."),
        };

        var peaks = usable
            .GroupBy(h => h.Day)
            .Select(day => day.OrderByDescending(h => h.Kwh).ThenBy(h => h.Start).First())
            .OrderByDescending(h => h.Kwh)
            .ThenBy(h => h.Start)
            .Take(count)
            .ToList();
        var average = peaks.Count == 0 ? 0m : peaks.Sum(p => p.Kwh) / peaks.Count;
        return (peaks, average, excluded);
    }
}
