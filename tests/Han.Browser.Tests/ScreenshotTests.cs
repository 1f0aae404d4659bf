using System.Globalization;

namespace Han.Browser.Tests;

/// <summary>
/// Screenshots of every page on a desktop and a phone, light and dark, into artifacts/screenshots/ for a
/// person to look at (issue 10: "screenshots are written by the test run (look at them)").
/// </summary>
[Collection(OneBrowser.Name)]
public sealed class ScreenshotTests(BrowserFixture browser)
{
    public static readonly string[] Pages = ["now", "history", "peaks", "meter"];

    [BrowserFact]
    public async Task Screenshots_EveryPageDesktopAndPhoneLightAndDark_AreWritten()
    {
        await using var server = await DashboardServer.StartAsync(history: KnownHistory.Make("house"));
        Look[] looks = [Look.Desktop, Look.Desktop.Dark, Look.Phone, Look.Phone.Dark.Norwegian];
        var problems = new List<string>();
        foreach (var look in looks)
        {
            await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, server.Address, look);
            foreach (var page in Pages)
            {
                await dashboard.OpenTabAsync(page);
                if (page == "history")
                {
                    // Last month: this month may have only a day or two so far.
                    await dashboard.Page.ClickAsync("[data-step='-1']");
                    await dashboard.ShownAsync("history/month/" + KnownHistory.Today.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture));
                }

                await dashboard.ScreenshotAsync(page);
                Assert.True(File.Exists(Path.Combine(Screenshots.Folder, $"{page}-{look.Name}.png")));
            }

            problems.AddRange(dashboard.Problems);
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
