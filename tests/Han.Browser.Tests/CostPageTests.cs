using System.Globalization;
using System.Text.Json;
using Han.Costs;
using Han.Pricing;
using Han.Storage;
using static Han.Browser.Tests.PageNumbers;

namespace Han.Browser.Tests;

/// <summary>
/// The Cost page shows the figures of /api/meters/{name}/cost (issue 11, point 4): today's cost, the price
/// now, the capacity step with its headroom, the month's invoice so far and today's price curve; and a han
/// without prices: and grid: says in one line what to add.
/// </summary>
[Collection(OneBrowser.Name)]
public sealed class CostPageTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task Cost_WithPricesAndATariff_ShowsTheApisFigures()
    {
        await using var server = await DashboardServer.StartAsync(history: KnownHistory.Make("house"), cost: Profile());
        await StorePricesAsync(server.Store);
        var answer = await HistoryPagesTests.GetAsync(server, "api/meters/house/cost");
        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, server.Address, Look.Desktop, "#/cost");
        await dashboard.ShownAsync("cost/");

        Assert.Equal(Number(answer.GetProperty("day_cost").GetDecimal(), 2) + "kr", await dashboard.Page.TextContentAsync("#cost-today"));
        Assert.Equal(Number(answer.GetProperty("price_now").GetDecimal(), 2) + "kr/kWh", await dashboard.Page.TextContentAsync("#price-now"));
        var capacity = answer.GetProperty("capacity");
        var step = $"{Whole(capacity.GetProperty("step_from"))}–{Whole(capacity.GetProperty("step_to"))}kWh/h";
        Assert.Equal(step, await dashboard.Page.TextContentAsync("#step"));
        Assert.Equal($"{Number(capacity.GetProperty("step_nok_per_month").GetDecimal(), 2)}\u00a0kr a month", await dashboard.Page.TextContentAsync("#step-price"));
        Assert.Equal($"{Number(capacity.GetProperty("headroom_kwh").GetDecimal(), 2)}\u00a0kWh left this hour before the step goes up", await dashboard.Page.TextContentAsync("#headroom"));
        var month = answer.GetProperty("month");
        foreach (var (id, total) in new[] { ("month-supplier", "supplier_total"), ("month-grid", "grid_total"), ("month-support", "support_total"), ("month-total", "total") })
        {
            Assert.Equal(Number(month.GetProperty(total).GetDecimal(), 2) + "\u00a0kr", await dashboard.Page.TextContentAsync("#" + id));
        }

        await dashboard.Page.ClickAsync("#card-invoice details summary");
        Assert.Equal(month.GetProperty("lines").GetArrayLength(), await dashboard.Page.Locator("#month-lines tbody tr").CountAsync());
        Assert.Equal(answer.GetProperty("today").GetArrayLength().ToString(CultureInfo.InvariantCulture), await dashboard.Page.GetAttributeAsync("#price-chart", "data-hours"));
        await dashboard.ScreenshotAsync("cost");
        await using (var phone = await DashboardPage.OpenAsync(browser.Browser, server.Address, Look.Phone.Dark.Norwegian, "#/cost"))
        {
            await phone.ShownAsync("cost/");
            await phone.ScreenshotAsync("cost");
            Assert.True(phone.Problems.Count == 0, string.Join("\n", phone.Problems));
        }

        Assert.True(dashboard.Problems.Count == 0, string.Join("\n", dashboard.Problems));
    }

    [BrowserFact]
    public async Task Cost_NoCostConfigured_OneLineSayingWhatToAdd()
    {
        await using var server = await DashboardServer.StartAsync(history: KnownHistory.Make("house"));
        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, server.Address, Look.Desktop, "#/cost");
        await dashboard.ShownAsync("cost/");

        var hint = await dashboard.Page.TextContentAsync("#cost-off");
        Assert.Contains("add prices: and grid:", hint, StringComparison.Ordinal);
        Assert.Equal(0, await dashboard.Page.Locator("#cost-today").CountAsync());
        // The API's 404 is the only answer the page saw as an error, and the page says why.
        Assert.All(dashboard.Problems, p => Assert.True(p.Contains("/api/meters/house/cost", StringComparison.Ordinal) || p.Contains("404", StringComparison.Ordinal), p));
    }

    /// <summary>Strømstøtte with a flat energiledd and four capacity steps, valid over the known history's days.</summary>
    private static CostProfile Profile()
    {
        var tariff = new GridTariff("Test Nett AS",
        [
            new GridTariffPeriod(
                new DateOnly(2024, 1, 1),
                null,
                [CustomerGroup.Household],
                EnergyCharge.Flat(35m),
                new CapacityCharge(CapacityMethod.ThreeDailyMaximaOfMonth, true, [new(0m, 130m), new(2m, 230m), new(5m, 380m), new(10m, 520m)])),
        ]);
        return CostProfile.Norway(new NorwaySettings(tariff, new SupplierContract(5m, 39m)), "NO1");
    }

    /// <summary>Hourly spot prices from the start of last month to the end of tomorrow: a day's curve, dearer in the morning and the evening.</summary>
    private static async Task StorePricesAsync(IHistoryStore store)
    {
        var prices = new List<StoredPrice>();
        var first = KnownHistory.Local(new DateOnly(KnownHistory.Today.Year, KnownHistory.Today.Month, 1).AddMonths(-1), 0).ToUniversalTime();
        var end = KnownHistory.Local(KnownHistory.Today.AddDays(2), 0);
        for (var start = first; start < end; start = start.AddHours(1))
        {
            var hour = TimeZoneInfo.ConvertTime(start, KnownHistory.Oslo).Hour;
            var price = 0.55m + (hour is >= 7 and <= 9 or >= 17 and <= 20 ? 0.6m : 0m) + (hour % 5 * 0.03m);
            prices.Add(new StoredPrice(start, start.AddHours(1), price, "file", first));
        }

        await PriceStores.Of(store).WritePricesAsync("NO1", prices, CancellationToken.None);
    }

    /// <summary>A step bound as the page writes it: no decimals when whole, else one.</summary>
    private static string Whole(JsonElement bound) => bound.GetDecimal().ToString("0.#", CultureInfo.InvariantCulture);
}
