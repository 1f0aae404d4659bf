namespace Han.Browser.Tests;

/// <summary>The dashboard loads and every page opens without a console error or a failed request (issue 10's acceptance).</summary>
[Collection(OneBrowser.Name)]
public sealed class DashboardLoadTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task Dashboard_EveryPage_NoConsoleErrorAndNoFailedRequest()
    {
        await using var server = await DashboardServer.StartAsync(history: KnownHistory.Make("house"));
        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, server.Address, Look.Desktop);

        Assert.Equal("Now", await dashboard.Page.TextContentAsync("#tabs a[aria-current='page']"));
        foreach (var page in new[] { "history", "peaks", "meter", "now" })
        {
            await dashboard.OpenTabAsync(page);
        }

        Assert.True(dashboard.Problems.Count == 0, string.Join("\n", dashboard.Problems));
    }

    [BrowserFact]
    public async Task Dashboard_ServedFiles_HaveTheirContentTypes()
    {
        await using var server = await DashboardServer.StartAsync(history: KnownHistory.Make("house"));
        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, server.Address, Look.Desktop);

        var types = await dashboard.Page.EvaluateAsync<string[]>(
            "Promise.all(['', 'app.css', 'js/main.js', 'vendor/uplot/uPlot.iife.min.js', 'icon.svg'].map(p => fetch(p).then(r => r.headers.get('content-type'))))");

        Assert.Equal(["text/html; charset=utf-8", "text/css; charset=utf-8", "text/javascript; charset=utf-8", "text/javascript; charset=utf-8", "image/svg+xml"], types);
    }
}
