namespace Han.Browser.Tests;

/// <summary>When han stops answering, the page says so in a banner and recovers when it is back.</summary>
[Collection(OneBrowser.Name)]
public sealed class ApiDownTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task ApiDown_APageOpened_BannerSaysSoAndRetryRecovers()
    {
        await using var server = await DashboardServer.StartAsync(history: KnownHistory.Make("house"));
        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, server.Address, Look.Desktop);
        var banner = dashboard.Page.Locator("#banner");

        await server.StopWebAsync();
        // Opening another page closes the live stream (which may have said "reconnecting" already) and asks han, which does not answer.
        await dashboard.Page.ClickAsync("#tabs a[data-page='meter']");
        await dashboard.Page.WaitForFunctionAsync("document.querySelector('#banner-text').textContent === 'han does not answer. Trying again…'");
        Assert.True(await banner.IsVisibleAsync());

        await server.StartWebAgainAsync();
        await dashboard.Page.ClickAsync("#banner-retry");
        await dashboard.ShownAsync("meter/");

        Assert.False(await banner.IsVisibleAsync());
        Assert.Equal("Aidon", await dashboard.Page.TextContentAsync("dd:right-of(dt:text('Manufacturer'))"));
    }
}
