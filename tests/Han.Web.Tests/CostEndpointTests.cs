using System.Net;
using System.Text.Json;
using Han.Costs;
using Han.Pricing;
using Han.Storage;

namespace Han.Web.Tests;

/// <summary>
/// /api/meters/{name}/cost against a real SQLite store: a Norgespris household with a flat energiledd,
/// on a Wednesday afternoon in August 2026. With Norgespris a kWh costs the same whatever the spot price:
/// (40 øre + markup 4.9 + energiledd 30 + elavgift 7.13 + Enova 1) × 1.25 (specs/pricing.md §4, §7),
/// which the test computes on its own.
/// </summary>
public sealed class CostEndpointTests
{
    private static readonly DateTimeOffset MonthStart = new(2026, 8, 1, 0, 0, 0, TimeSpan.FromHours(2));
    private static readonly DateTimeOffset HourStart = new(2026, 8, 12, 14, 0, 0, TimeSpan.FromHours(2));
    private static readonly DateTimeOffset Now = HourStart.AddMinutes(20);

    /// <summary>NOK per kWh, all in, in every hour.</summary>
    private const decimal Price = (40m + 4.9m + 30m + 7.13m + 1m) / 100m * 1.25m;

    [Fact]
    public async Task Cost_NorgesprisFlatTariff_PriceHourDayMonthAndStepAsThePricingRulesSay()
    {
        await using var history = await StoredHistory.StartAsync(Now, cost: Profile());
        var hours = await StoreMonthAsync(history.Store);
        // 20 minutes of 1800 W in the hour under way: 0.6 kWh so far, as the capacity endpoint integrates it.
        await history.Store.WriteAsync([.. Enumerable.Range(0, 120).Select(n => StoredHistory.Power("house", HourStart.AddSeconds(10 * n), 1800))], CancellationToken.None);

        var cost = await history.GetAsync("api/meters/house/cost");

        Assert.Equal("house", cost.GetProperty("meter").GetString());
        Assert.Equal(Price, cost.GetProperty("price_now").GetDecimal());
        Assert.Equal(decimal.Round(0.6m * Price, 2), cost.GetProperty("hour_cost").GetDecimal());
        var todayKwh = hours.Where(h => h.Start >= Local(12, 0)).Sum(h => h.Kwh) + 0.6m;
        Assert.Equal(decimal.Round(todayKwh * Price, 2), cost.GetProperty("day_cost").GetDecimal());

        var today = cost.GetProperty("today").EnumerateArray().ToList();
        Assert.Equal(24, today.Count);
        Assert.Equal("2026-08-12T00:00:00+02:00", today[0].GetProperty("start").GetString());
        Assert.All(today, h => Assert.Equal(Price, h.GetProperty("all_in").GetDecimal()));
        Assert.Equal(0.6m, today[14].GetProperty("import_kwh").GetDecimal());
        Assert.Equal(JsonValueKind.Null, today[15].GetProperty("import_kwh").ValueKind);
        Assert.Equal(SpotOfHour(Local(12, 14)), today[14].GetProperty("spot").GetDecimal());

        // Daily maxima 4 (Aug 3) and 3 (every other day's 18:00): mean 3.33, step 2-5 at 250 kr + VAT a
        // month; the hour under way may reach 3 × 5 − 4 − 3 = 8 kWh, and has taken 0.6.
        var capacity = cost.GetProperty("capacity");
        Assert.Equal(2m, capacity.GetProperty("step_from").GetDecimal());
        Assert.Equal(5m, capacity.GetProperty("step_to").GetDecimal());
        Assert.Equal(312.5m, capacity.GetProperty("step_nok_per_month").GetDecimal());
        Assert.Equal(7.4m, capacity.GetProperty("headroom_kwh").GetDecimal());

        var month = cost.GetProperty("month");
        Assert.Equal("2026-08-01", month.GetProperty("from").GetString());
        Assert.Equal("2026-08-13", month.GetProperty("to").GetString());
        Assert.Equal(0, month.GetProperty("unpriced_intervals").GetInt32());
        var lines = month.GetProperty("lines").EnumerateArray().ToList();
        foreach (var (party, total) in new[] { ("supplier", "supplier_total"), ("grid", "grid_total"), ("support", "support_total") })
        {
            var sum = lines.Where(l => l.GetProperty("party").GetString() == party).Sum(l => l.GetProperty("amount").GetDecimal());
            Assert.Equal(sum, month.GetProperty(total).GetDecimal());
        }

        Assert.Contains(lines, l => l.GetProperty("party").GetString() == "support" && l.GetProperty("unit").GetString() == "kWh");
        // The month so far: every kWh at the all-in price, and 12 of August's 31 days of the capacity step;
        // each line is rounded to the øre on its own, so the total may differ by half an øre per line.
        var monthKwh = hours.Sum(h => h.Kwh) + 0.6m;
        var expected = (monthKwh * Price) + (312.5m * 12m / 31m);
        Assert.InRange(month.GetProperty("total").GetDecimal(), expected - (0.005m * lines.Count), expected + (0.005m * lines.Count));
    }

    [Fact]
    public async Task Cost_NoCostConfigured_404SayingToAddPricesAndGrid()
    {
        await using var history = await StoredHistory.StartAsync(Now);

        using var answer = await history.Web.Client.GetAsync("api/meters/house/cost");

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        var error = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString();
        Assert.Equal(HistoryEndpoints.NoCost, error);
        Assert.Contains("prices:", error, StringComparison.Ordinal);
        Assert.Contains("grid:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cost_TariffEndedBeforeToday_503SayingWhatIsMissing()
    {
        var ended = new GridTariff("Old Nett AS",
        [
            new GridTariffPeriod(new DateOnly(2025, 1, 1), new DateOnly(2026, 1, 1), [CustomerGroup.Household], EnergyCharge.Flat(30m), new CapacityCharge(CapacityMethod.ThreeDailyMaximaOfMonth, true, [new(0m, 150m)])),
        ]);
        await using var history = await StoredHistory.StartAsync(Now, cost: CostProfile.Norway(new NorwaySettings(ended, SupplierContract.None), "NO1"));
        await StoreMonthAsync(history.Store);

        using var answer = await history.Web.Client.GetAsync("api/meters/house/cost");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        var error = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString();
        Assert.StartsWith("the cost cannot be computed now: The grid tariff of Old Nett AS has no tariff for Household on 2026-08-01", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cost_UnknownMeter_404NamingTheMeters()
    {
        await using var history = await StoredHistory.StartAsync(Now, cost: Profile());

        using var answer = await history.Web.Client.GetAsync("api/meters/cabin/cost");

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Contains("no meter is named 'cabin'; han reads house", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static CostProfile Profile()
    {
        var tariff = new GridTariff("Test Nett AS",
        [
            new GridTariffPeriod(
                new DateOnly(2026, 1, 1),
                null,
                [CustomerGroup.Household],
                EnergyCharge.Flat(30m),
                new CapacityCharge(CapacityMethod.ThreeDailyMaximaOfMonth, true, [new(0m, 150m), new(2m, 250m), new(5m, 400m), new(10m, 550m)])),
        ]);
        return CostProfile.Norway(new NorwaySettings(tariff, new SupplierContract(4.9m, 0m)) { Support = SupportScheme.Norgespris }, "NO1");
    }

    private static DateTimeOffset Local(int day, int hour) => new(2026, 8, day, hour, 0, 0, TimeSpan.FromHours(2));

    /// <summary>Quarter-hour spot prices, above and below 40 øre: 0.10 + (n mod 13) × 0.07 NOK for the n-th quarter of the month.</summary>
    private static decimal SpotOfQuarter(int n) => 0.10m + (n % 13 * 0.07m);

    private static decimal SpotOfHour(DateTimeOffset hour)
    {
        var first = (int)((hour - MonthStart).TotalMinutes / 15);
        return Enumerable.Range(first, 4).Sum(SpotOfQuarter) / 4m;
    }

    /// <summary>
    /// The month's hours before the one under way: 1 kWh, 3 kWh at 18:00 (4 on Aug 3), exact; and the
    /// month's quarter-hour prices in the store's price cache.
    /// </summary>
    private static async Task<List<(DateTimeOffset Start, decimal Kwh)>> StoreMonthAsync(IHistoryStore store)
    {
        var hours = new List<(DateTimeOffset Start, decimal Kwh)>();
        for (var start = MonthStart; start < HourStart; start = start.AddHours(1))
        {
            hours.Add((start, start.Hour == 18 ? (start.Day == 3 ? 4m : 3m) : 1m));
        }

        await store.UpsertAggregatesAsync([.. hours.Select(h => new EnergyAggregate("house", AggregateResolution.Hour, h.Start.ToUniversalTime(), h.Kwh, 0m, true, null))], CancellationToken.None);
        var prices = new List<StoredPrice>();
        var quarter = 0;
        for (var start = MonthStart.ToUniversalTime(); start < MonthStart.AddMonths(1); start = start.AddMinutes(15), quarter++)
        {
            prices.Add(new StoredPrice(start, start.AddMinutes(15), SpotOfQuarter(quarter), "file", MonthStart));
        }

        await PriceStores.Of(store).WritePricesAsync("NO1", prices, CancellationToken.None);
        return hours;
    }
}
