using Han.Pricing;
using Han.Storage;

namespace Han.Costs;

/// <summary>
/// The cost now and so far (<see cref="CostSnapshot"/>) from the store's hours of the month, the hour
/// under way, and the spot prices cached in the store. The engine computes everything: the month's
/// invoice so far, and the all-in price of each hour of today as the cost of one kWh in it, so the
/// price shown is the one the invoice will bill (support included; the monthly caps are not reached by one kWh).
/// </summary>
public sealed class LiveCost(CostProfile profile)
{
    public CostProfile Profile { get; } = profile ?? throw new ArgumentNullException(nameof(profile));

    /// <param name="hourSoFarKwh">What the hour under way has taken so far (the live estimate); null to use what the store has.</param>
    /// <param name="monthHours">
    /// The month's stored hour aggregates when the caller has read them already (from the start of the month in
    /// the profile's zone): not read again. Null: read from the store.
    /// </param>
    public async Task<CostSnapshot> ComputeAsync(
        IHistoryStore store, string meter, DateTimeOffset now, decimal? hourSoFarKwh, CancellationToken cancellationToken, IReadOnlyList<EnergyAggregate>? monthHours = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var zone = Profile.TimeZone;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var month = new CostPeriod(new DateOnly(today.Year, today.Month, 1), today.AddDays(1));
        var hourStart = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);

        var energy = (monthHours is null
            ? await StoredEnergy.ReadAsync(store, meter, month, zone, SettlementResolution.Hour, cancellationToken).ConfigureAwait(false)
            : StoredEnergy.ToIntervals(monthHours)).ToList();
        if (hourSoFarKwh is { } soFar)
        {
            energy.RemoveAll(i => i.Start >= hourStart);
            energy.Add(EnergyInterval.ForHour(hourStart, soFar, 0m, estimated: true));
        }

        var prices = await StoredSpotPrices.ReadAsync(PriceStores.Of(store), Profile.Zone, month, zone, cancellationToken).ConfigureAwait(false);
        var report = Profile.Engine.Compute(new CostRequest(month, energy, prices) { ExpectedUntil = now });
        var (dayStart, dayEnd) = PeriodBounds.Of(new CostPeriod(today, today.AddDays(1)), zone);
        var costs = report.Hours.Where(h => h.Start >= dayStart && h.Start < dayEnd).ToDictionary(h => h.Start.ToUniversalTime());
        var allIn = AllInPrices(today, dayStart, dayEnd, prices);
        var hours = new List<PricedHour>();
        for (var hour = dayStart.ToUniversalTime(); hour < dayEnd; hour = hour.AddHours(1))
        {
            var cost = costs.GetValueOrDefault(hour);
            var unit = allIn.GetValueOrDefault(hour);
            hours.Add(new PricedHour(hour, unit?.Total, unit?.SpotNokPerKwh, cost?.ImportKwh));
        }

        var (step, upTo, headroom) = Capacity(today, hourStart, energy, hourSoFarKwh ?? costs.GetValueOrDefault(hourStart)?.ImportKwh ?? 0m);
        var stepPrice = report.Capacity is [.., var last] && last.Segments is [.., var segment] ? segment.Line.UnitPrice : (decimal?)null;
        return new CostSnapshot(
            now,
            allIn.GetValueOrDefault(hourStart)?.Total,
            costs.GetValueOrDefault(hourStart)?.Total,
            costs.Values.Sum(h => h.Total),
            report,
            step,
            upTo,
            step is null ? null : stepPrice,
            headroom,
            hours);
    }

    /// <summary>The cost of one kWh in each hour of today that has a price.</summary>
    private Dictionary<DateTimeOffset, HourCost> AllInPrices(DateOnly today, DateTimeOffset dayStart, DateTimeOffset dayEnd, IReadOnlyList<SpotPrice> prices)
    {
        var unit = new List<EnergyInterval>();
        for (var hour = dayStart.ToUniversalTime(); hour < dayEnd; hour = hour.AddHours(1))
        {
            unit.Add(EnergyInterval.ForHour(hour, 1m));
        }

        var report = Profile.Engine.Compute(new CostRequest(new CostPeriod(today, today.AddDays(1)), unit, prices));
        var unpriced = report.UnpricedIntervals.Select(u => u.ToUniversalTime()).ToHashSet();
        return report.Hours.Where(h => !unpriced.Contains(h.Start.ToUniversalTime())).ToDictionary(h => h.Start.ToUniversalTime());
    }

    private (CapacityStep? Step, decimal? UpTo, decimal? Headroom) Capacity(DateOnly today, DateTimeOffset hourStart, List<EnergyInterval> energy, decimal hourSoFar)
    {
        CapacityCharge? charge;
        try
        {
            charge = Profile.CapacityOn(today);
        }
        catch (ArgumentException)
        {
            return (null, null, null); // the tariff has no period for today: the month's report says so
        }

        if (charge is null)
        {
            return (null, null, null);
        }

        var zone = Profile.TimeZone;
        var trusted = energy.Where(i => !i.Estimated && i.Start < hourStart)
            .GroupBy(i => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(i.Start, zone).DateTime))
            .ToDictionary(d => d.Key, d => d.Max(i => i.ImportKwh));
        var others = trusted.Where(d => d.Key != today).Select(d => d.Value).ToList();
        decimal? todayBefore = trusted.TryGetValue(today, out var before) ? before : null;
        var (step, upTo, headroom) = CapacityHeadroom.Compute(charge, others, todayBefore, hourSoFar);
        return (step, upTo, headroom);
    }
}
