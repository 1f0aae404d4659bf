namespace Han.Pricing;

/// <summary>
/// Turns the store's intervals and the spot prices into <see cref="IntervalSet"/>: keeps the period's
/// intervals, checks them (15 or 60 minutes, on their boundary, no overlap), sums quarters to hours where
/// the settlement is hourly, prices each interval with the mean spot price over it, and lists the hours
/// with no energy at all and the intervals with no price (nothing is invented for either).
/// </summary>
internal static class IntervalBuilder
{
    private static readonly long HourTicks = TimeSpan.TicksPerHour;

    public static IntervalSet Build(CostRequest request, TimeZoneInfo zone, SettlementResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (fromUtc, toUtc) = Bounds(request.Period, zone);
        var energy = Checked(request.Energy, fromUtc, toUtc);
        var expectedTo = request.ExpectedUntil is { } until && until < toUtc ? HourStart(until) : toUtc;
        var prices = new PriceSeries(request.Prices);
        var hourSums = SumToHours(energy);
        var unpricedHours = new List<DateTimeOffset>();
        var hours = Price(hourSums, prices, zone, unpricedHours);
        if (resolution == SettlementResolution.Hour)
        {
            return new IntervalSet(hours, hours, hourSums, MissingHours(energy, fromUtc, expectedTo), unpricedHours);
        }

        var unpricedQuarters = new List<DateTimeOffset>();
        var settlement = Price(energy, prices, zone, unpricedQuarters);
        return new IntervalSet(settlement, hours, hourSums, MissingHours(energy, fromUtc, expectedTo), unpricedQuarters);
    }

    /// <summary>The period's local days as UTC instants (local midnights).</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Bounds(CostPeriod period, TimeZoneInfo zone) =>
        (LocalMidnight(period.From, zone), LocalMidnight(period.To, zone));

    public static DateTimeOffset LocalMidnight(DateOnly day, TimeZoneInfo zone) =>
        new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), zone), TimeSpan.Zero);

    private static List<EnergyInterval> Checked(IReadOnlyList<EnergyInterval> all, DateTimeOffset fromUtc, DateTimeOffset toUtc)
    {
        var kept = new List<EnergyInterval>(all.Count);
        foreach (var interval in all)
        {
            if (interval.Start < fromUtc || interval.Start >= toUtc)
            {
                continue;
            }

            if (interval.Length != EnergyInterval.Hour && interval.Length != EnergyInterval.Quarter)
            {
                throw new ArgumentException($"The energy interval at {interval.Start:O} lasts {interval.Length}; give hours (01:00:00) or quarter hours (00:15:00).", nameof(all));
            }

            if (interval.Start.UtcTicks % interval.Length.Ticks != 0)
            {
                throw new ArgumentException($"The energy interval at {interval.Start:O} does not start on a {interval.Length.TotalMinutes}-minute boundary.", nameof(all));
            }

            kept.Add(interval);
        }

        var sorted = true;
        for (var i = 1; i < kept.Count && sorted; i++)
        {
            sorted = kept[i].Start >= kept[i - 1].Start;
        }

        if (!sorted)
        {
            kept.Sort((a, b) => a.Start.CompareTo(b.Start));
        }

        for (var i = 1; i < kept.Count; i++)
        {
            if (kept[i].Start < kept[i - 1].End)
            {
                throw new ArgumentException($"Two energy intervals overlap at {kept[i].Start:O}; give each hour or quarter once.", nameof(all));
            }
        }

        return kept;
    }

    private static List<EnergyInterval> SumToHours(List<EnergyInterval> energy)
    {
        var hours = new List<EnergyInterval>(energy.Count);
        foreach (var interval in energy)
        {
            var hourStart = new DateTimeOffset(interval.Start.UtcTicks - (interval.Start.UtcTicks % HourTicks), TimeSpan.Zero);
            if (hours.Count > 0 && hours[^1].Start == hourStart)
            {
                var last = hours[^1];
                hours[^1] = last with
                {
                    ImportKwh = last.ImportKwh + interval.ImportKwh,
                    ExportKwh = last.ExportKwh + interval.ExportKwh,
                    Estimated = last.Estimated || interval.Estimated,
                };
            }
            else
            {
                hours.Add(new EnergyInterval(hourStart, EnergyInterval.Hour, interval.ImportKwh, interval.ExportKwh, interval.Estimated));
            }
        }

        return hours;
    }

    private static List<PricedInterval> Price(List<EnergyInterval> energy, PriceSeries prices, TimeZoneInfo zone, List<DateTimeOffset> unpriced)
    {
        var priced = new List<PricedInterval>(energy.Count);
        foreach (var interval in energy)
        {
            if (!prices.TryMean(interval.Start, interval.End, out var spot))
            {
                unpriced.Add(interval.Start.ToUniversalTime());
                continue;
            }

            var utc = interval.Start.ToUniversalTime();
            var local = TimeZoneInfo.ConvertTimeFromUtc(utc.UtcDateTime, zone);
            priced.Add(new PricedInterval(utc, local, interval.ImportKwh, interval.ExportKwh, interval.Estimated, spot));
        }

        return priced;
    }

    private static DateTimeOffset HourStart(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % HourTicks), TimeSpan.Zero);
    }

    private static List<DateTimeOffset> MissingHours(List<EnergyInterval> energy, DateTimeOffset fromUtc, DateTimeOffset toUtc)
    {
        var missing = new List<DateTimeOffset>();
        var next = 0;
        for (var hour = fromUtc; hour < toUtc; hour = hour.AddHours(1))
        {
            while (next < energy.Count && energy[next].End <= hour)
            {
                next++;
            }

            if (next >= energy.Count || energy[next].Start >= hour.AddHours(1))
            {
                missing.Add(hour);
            }
        }

        return missing;
    }
}
