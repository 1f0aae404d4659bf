using System.Globalization;
using System.Text.Json;
using Han.Storage;
using static Han.Browser.Tests.PageNumbers;

namespace Han.Browser.Tests;

/// <summary>
/// The history pages show the numbers of a known history (issue 10's acceptance): the totals and the bars'
/// values are those written into the store, and the same as the API answers.
/// </summary>
[Collection(OneBrowser.Name)]
public sealed class HistoryPagesTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task Now_TodaysCard_ShowsTodaysTotalOfTheStoredHours()
    {
        var history = KnownHistory.Make("house");
        await using var server = await DashboardServer.StartAsync(history: history);
        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, server.Address, Look.Desktop);
        var expected = Sum(history.HoursOf(KnownHistory.Today));
        var answer = await GetAsync(server, "api/meters/house/energy?resolution=hour");

        await dashboard.Page.WaitForSelectorAsync("#card-today .total-import, #card-today .empty");
        if (expected is null)
        {
            Assert.NotNull(await dashboard.Page.QuerySelectorAsync("#card-today .empty")); // just after midnight: no hour has ended today
        }
        else
        {
            Assert.Equal(expected.Value, answer.GetProperty("total_import_kwh").GetDecimal());
            Assert.Equal(Kwh(expected.Value, 2), await dashboard.Page.TextContentAsync("#card-today .total-import"));
            // The young day and month show their whole axis: every hour of today, every day of the month.
            var hoursToday = (KnownHistory.Local(KnownHistory.Today.AddDays(1), 0) - KnownHistory.Local(KnownHistory.Today, 0)).TotalHours;
            Assert.Equal(hoursToday.ToString(CultureInfo.InvariantCulture), await dashboard.Page.GetAttributeAsync("#card-today .chart", "data-periods"));
            var daysInMonth = DateTime.DaysInMonth(KnownHistory.Today.Year, KnownHistory.Today.Month);
            Assert.Equal(daysInMonth.ToString(CultureInfo.InvariantCulture), await dashboard.Page.GetAttributeAsync("#card-month .chart", "data-periods"));
        }

        Assert.True(dashboard.Problems.Count == 0, string.Join("\n", dashboard.Problems));
    }

    [BrowserFact]
    public async Task History_LastMonth_ShowsItsTotalAndEachDayAsStored()
    {
        var history = KnownHistory.Make("house");
        await using var server = await DashboardServer.StartAsync(history: history);
        var month = KnownHistory.Today.AddMonths(-1);
        var monthText = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, server.Address, Look.Desktop, "#/history/month/" + monthText);
        var days = history.Days.Where(d => TimeZoneInfo.ConvertTime(d.Start, KnownHistory.Oslo).ToString("yyyy-MM", CultureInfo.InvariantCulture) == monthText).ToList();

        Assert.Equal(Kwh(Sum(days)!.Value, 2), await dashboard.Page.TextContentAsync("#history-card .total-import"));
        await dashboard.Page.ClickAsync("#history-card details summary");
        var rows = await dashboard.Page.Locator("#history-card tbody tr").AllAsync();
        Assert.Equal(days.Count, rows.Count);
        for (var i = 0; i < days.Count; i++)
        {
            Assert.Equal(days[i].Start.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), await rows[i].GetAttributeAsync("data-start"));
            Assert.Equal(Number(days[i].ImportKwh!.Value, 3), await rows[i].Locator("td").Nth(1).TextContentAsync());
        }

        Assert.True(dashboard.Problems.Count == 0, string.Join("\n", dashboard.Problems));
    }

    [BrowserFact]
    public async Task History_Yesterday_TheFlaggedHourIsHatchedAndItsBarReadsOutItsValueAndWhy()
    {
        var history = KnownHistory.Make("house");
        await using var server = await DashboardServer.StartAsync(history: history);
        var yesterday = KnownHistory.Today.AddDays(-1);
        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, server.Address, Look.Desktop,
            "#/history/day/" + yesterday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var hours = history.HoursOf(yesterday);
        var flagged = hours.FindIndex(h => h.Start == KnownHistory.FlaggedHour);

        // The cursor over the flagged hour's bar: the plot spans the bars from -0.5 to n-0.5.
        var plot = (await dashboard.Page.Locator("#history-card .u-over").BoundingBoxAsync())!;
        await dashboard.Page.Mouse.MoveAsync(plot.X + (plot.Width * (flagged + 0.5f) / hours.Count), plot.Y + (plot.Height / 2));
        var readout = await dashboard.Page.TextContentAsync("#history-card .readout");

        Assert.Equal($"18:00–19:00 · Import {Number(hours[flagged].ImportKwh!.Value, 3)}\u00a0kWh · estimated: {KnownHistory.FlaggedReason}", readout);
        var row = dashboard.Page.Locator($"#history-card tbody tr[data-start='{KnownHistory.FlaggedHour.ToUnixTimeSeconds()}']");
        Assert.Equal("estimated", await row.GetAttributeAsync("class"));
        Assert.Equal(Kwh(Sum(hours)!.Value, 2), await dashboard.Page.TextContentAsync("#history-card .total-import"));
        Assert.Contains("estimated: 1", await dashboard.Page.TextContentAsync("#history-card .chips"), StringComparison.Ordinal);
        Assert.True(dashboard.Problems.Count == 0, string.Join("\n", dashboard.Problems));
    }

    [BrowserFact]
    public async Task Peaks_ThisMonth_ShowsTheApisBasisAndThreePeaks()
    {
        await using var server = await DashboardServer.StartAsync(history: KnownHistory.Make("house"));
        var answer = await GetAsync(server, "api/meters/house/capacity");
        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, server.Address, Look.Desktop, "#/peaks");

        var peaks = answer.GetProperty("peaks").GetArrayLength();
        Assert.Equal(peaks, await dashboard.Page.Locator("ol.peaks li").CountAsync());
        if (answer.GetProperty("basis_kwh").ValueKind == JsonValueKind.Number)
        {
            Assert.Equal(Kwh(answer.GetProperty("basis_kwh").GetDecimal(), 2), await dashboard.Page.TextContentAsync("#basis"));
        }

        Assert.True(dashboard.Problems.Count == 0, string.Join("\n", dashboard.Problems));
    }

    /// <summary>An answer of the server's API, as a script would read it.</summary>
    internal static async Task<JsonElement> GetAsync(DashboardServer server, string path)
    {
        using var client = new HttpClient { BaseAddress = server.Address };
        return JsonDocument.Parse(await client.GetStringAsync(path)).RootElement.Clone();
    }

    private static decimal? Sum(List<EnergyAggregate> periods) => periods.Count == 0 ? null : periods.Sum(p => p.ImportKwh);
}
