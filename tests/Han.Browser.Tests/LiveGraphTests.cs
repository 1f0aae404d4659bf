using System.Globalization;
using Han.Readings;

namespace Han.Browser.Tests;

/// <summary>The live graph and the power shown follow every list a simulated meter sends (issue 10's acceptance).</summary>
[Collection(OneBrowser.Name)]
public sealed class LiveGraphTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task LiveGraph_TheMeterSendsLists_GrowsByEachAndShowsItsPower()
    {
        await using var server = await DashboardServer.StartAsync();
        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, server.Address, Look.Desktop);
        var page = dashboard.Page;
        await server.FollowedAsync(server.Meter.Name);
        var before = int.Parse((await page.GetAttributeAsync("#live-chart", "data-points"))!, CultureInfo.InvariantCulture);
        Assert.True(before > 200, $"the graph began with {before} points of the ten minutes before");

        for (var sent = 1; sent <= 3; sent++)
        {
            var list = server.Meter.Next();
            await server.FeedAsync(server.Meter.Name, [list]);
            await page.WaitForFunctionAsync($"Number(document.querySelector('#live-chart').dataset.points) === {before + sent}");

            var watts = list.Reading.Reading[ReadingField.ActivePowerImport]!.Value;
            Assert.Equal(watts, decimal.Parse((await page.GetAttributeAsync("#live-chart", "data-last"))!, CultureInfo.InvariantCulture));
            Assert.Equal(watts, decimal.Parse((await page.GetAttributeAsync("#power-import", "data-watts"))!, CultureInfo.InvariantCulture));
            Assert.Equal(Shown(watts), await page.TextContentAsync("#power-import"));
        }

        Assert.True(dashboard.Problems.Count == 0, string.Join("\n", dashboard.Problems));
    }

    /// <summary>Power as the page writes it in English: grouped watts, or kilowatts with two decimals from 10 kW.</summary>
    private static string Shown(decimal watts) =>
        Math.Abs(watts) >= 10000
            ? (watts / 1000).ToString("#,0.00", CultureInfo.InvariantCulture) + "kW"
            : watts.ToString("#,0", CultureInfo.InvariantCulture) + "W";
}
