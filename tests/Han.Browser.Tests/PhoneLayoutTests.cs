namespace Han.Browser.Tests;

/// <summary>On a phone (390×844) no page scrolls sideways and every tab can be reached (issue 10's acceptance).</summary>
[Collection(OneBrowser.Name)]
public sealed class PhoneLayoutTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task Phone_EveryPage_NoHorizontalOverflowAndTabsInView()
    {
        await using var server = await DashboardServer.StartAsync();
        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, server.Address, Look.Phone);

        foreach (var page in ScreenshotTests.Pages)
        {
            await dashboard.OpenTabAsync(page);

            var widths = await dashboard.Page.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, innerWidth]");
            var (scrollWidth, innerWidth) = (widths[0], widths[1]);
            Assert.True(scrollWidth <= innerWidth, $"{page}: the page is {scrollWidth} px wide on a screen of {innerWidth}");
            foreach (var tab in await dashboard.Page.Locator("#tabs a").AllAsync())
            {
                var box = await tab.BoundingBoxAsync();
                Assert.NotNull(box);
                Assert.True(box.X >= 0 && box.X + box.Width <= innerWidth && box.Height >= 24, $"{page}: a tab at {box.X}+{box.Width} of {innerWidth}, {box.Height} high");
            }
        }

        Assert.True(dashboard.Problems.Count == 0, string.Join("\n", dashboard.Problems));
    }
}
