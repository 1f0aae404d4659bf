using Han.Pricing;
using Han.Storage;

namespace Han.Costs.Tests;

/// <summary>
/// The cost now and so far, from a real SQLite store: a Norgespris household in Elvia's area on a working
/// day afternoon. With Norgespris the all-in price of a kWh does not depend on the spot price: it is
/// (40 øre + markup + energiledd + elavgift + Enova) × VAT (specs/pricing.md §7, §4, §5.2), which the test
/// computes on its own.
/// </summary>
public sealed class LiveCostTests : IAsyncLifetime
{
    private static readonly TimeZoneInfo Oslo = NorwaySettings.Oslo;
    private static readonly DateTimeOffset MonthStart = new(2026, 8, 1, 0, 0, 0, TimeSpan.FromHours(2));
    private static readonly DateTimeOffset Now = new(2026, 8, 12, 14, 20, 0, TimeSpan.FromHours(2)); // a Wednesday

    private readonly string _folder = Directory.CreateTempSubdirectory("han-test-livecost-").FullName;
    private IHistoryStore _store = null!;

    public async Task InitializeAsync() => _store = await HistoryStores.OpenSqliteAsync(Path.Combine(_folder, "history.db"), CancellationToken.None);

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Compute_NorgesprisWorkingDayAfternoon_PriceHourDayAndStepAsThePricingRulesSay()
    {
        var hours = await StoreMonthSoFarAsync();
        await StorePricesAsync();
        var live = new LiveCost(CostProfile.Norway(Settings(), "NO1"));

        var snapshot = await live.ComputeAsync(_store, "house", Now, hourSoFarKwh: 0.6m, CancellationToken.None);

        var dayPrice = (40m + 4.9m + 28.99m + 7.13m + 1m) / 100m * 1.25m;
        var nightPrice = (40m + 4.9m + 16.99m + 7.13m + 1m) / 100m * 1.25m;
        Assert.Equal(dayPrice, snapshot.PriceNow);
        Assert.Equal(0.6m * dayPrice, snapshot.HourCost);
        var today = hours.Where(h => h.Start >= new DateTimeOffset(2026, 8, 12, 0, 0, 0, TimeSpan.FromHours(2))).ToList();
        var expectedDay = today.Sum(h => h.Kwh * (TimeZoneInfo.ConvertTime(h.Start, Oslo).Hour is >= 6 and < 22 ? dayPrice : nightPrice)) + (0.6m * dayPrice);
        Assert.Equal(expectedDay, snapshot.DayCost);
        Assert.Equal(24, snapshot.Today.Count);
        Assert.Equal(dayPrice, snapshot.Today.Single(h => h.Start == Now.AddMinutes(-20)).AllInNokPerKwh);
        Assert.Null(snapshot.Today[^1].ImportKwh); // 23:00 has not come

        // The month's trusted daily maxima are 4.0 (Aug 3), 3.5 (Aug 7), 3.0 (every other day): mean 3.5, step 2-5.
        Assert.Equal(2m, snapshot.Step!.FromKwhPerHour);
        Assert.Equal(5m, snapshot.StepUpToKwhPerHour);
        Assert.Equal(200m * 1.25m, snapshot.StepNokPerMonth);
        Assert.Equal((3m * 5m) - 4.0m - 3.5m - 0.6m, snapshot.HeadroomKwh);
    }

    [Fact]
    public async Task Compute_MonthHoursGivenByTheCaller_SameSnapshotAsReadingThem()
    {
        await StoreMonthSoFarAsync();
        await StorePricesAsync();
        var live = new LiveCost(CostProfile.Norway(Settings(), "NO1"));
        var hours = await _store.ReadAggregatesAsync("house", AggregateResolution.Hour, MonthStart, Now.AddHours(1), CancellationToken.None);

        var read = await live.ComputeAsync(_store, "house", Now, hourSoFarKwh: 0.6m, CancellationToken.None);
        var given = await live.ComputeAsync(_store, "house", Now, hourSoFarKwh: 0.6m, CancellationToken.None, hours);

        Assert.Equal((read.PriceNow, read.HourCost, read.DayCost, read.Month.Total, read.HeadroomKwh), (given.PriceNow, given.HourCost, given.DayCost, given.Month.Total, given.HeadroomKwh));
        Assert.Equal(read.Today, given.Today);
    }

    [Fact]
    public async Task Compute_NoPricesYet_NoPriceButTheStepStillKnown()
    {
        await StoreMonthSoFarAsync();
        var live = new LiveCost(CostProfile.Norway(Settings(), "NO1"));

        var snapshot = await live.ComputeAsync(_store, "house", Now, hourSoFarKwh: 0.6m, CancellationToken.None);

        Assert.Null(snapshot.PriceNow);
        Assert.All(snapshot.Today, h => Assert.Null(h.AllInNokPerKwh));
        Assert.Equal(2m, snapshot.Step!.FromKwhPerHour);
        Assert.NotEmpty(snapshot.Month.UnpricedIntervals);
    }

    private static NorwaySettings Settings() => NorgesprisElvia.Settings();

    /// <summary>Hours from the month's start to the hour under way: 1 kWh, 3 kWh at 18:00, 4 on Aug 3, 3.5 on Aug 7; one estimated 9 kWh hour (not trusted for the step).</summary>
    private async Task<List<(DateTimeOffset Start, decimal Kwh)>> StoreMonthSoFarAsync()
    {
        var hours = new List<(DateTimeOffset Start, decimal Kwh)>();
        var aggregates = new List<EnergyAggregate>();
        var hourStart = Now.AddMinutes(-20);
        for (var start = MonthStart; start < hourStart; start = start.AddHours(1))
        {
            var local = TimeZoneInfo.ConvertTime(start, Oslo);
            var kwh = local.Hour == 18 ? (local.Day == 3 ? 4.0m : local.Day == 7 ? 3.5m : 3.0m) : 1.0m;
            var estimated = local.Day == 10 && local.Hour == 12;
            kwh = estimated ? 9m : kwh;
            hours.Add((start.ToUniversalTime(), kwh));
            aggregates.Add(new EnergyAggregate("house", AggregateResolution.Hour, start.ToUniversalTime(), kwh, 0m, !estimated, estimated ? "estimated" : null));
        }

        await _store.UpsertAggregatesAsync(aggregates, CancellationToken.None);
        return hours;
    }

    private Task StorePricesAsync() => NorgesprisElvia.StorePricesAsync(_store, MonthStart);
}
