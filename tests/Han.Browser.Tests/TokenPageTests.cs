namespace Han.Browser.Tests;

/// <summary>With web.token set, a browser is asked for the token once and then shows the dashboard (the cookie carries it).</summary>
[Collection(OneBrowser.Name)]
public sealed class TokenPageTests(BrowserFixture browser)
{
    private const string Token = "0123456789abcdef0123456789abcdef";

    [BrowserFact]
    public async Task Browser_WithoutTheToken_EntersItInTheFormAndSeesTheDashboard()
    {
        await using var server = await DashboardServer.StartAsync(Token);
        var context = await browser.Browser.NewContextAsync();
        await using var closing = context;
        var page = await context.NewPageAsync();

        var first = await page.GotoAsync(server.Address.ToString());
        Assert.Equal(401, first!.Status);
        await page.FillAsync("input[name=token]", Token);
        await page.ClickAsync("button");
        await page.WaitForSelectorAsync("#page:not([aria-busy]) #power-import");

        Assert.Equal(server.Address.ToString(), page.Url); // the token is not left in the address
        var cookie = Assert.Single(await context.CookiesAsync());
        Assert.True(cookie.HttpOnly);
    }

    [BrowserFact]
    public async Task Browser_TokenInTheAddress_ShowsTheDashboardWithoutProblems()
    {
        await using var server = await DashboardServer.StartAsync(Token);

        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, server.Address, Look.Desktop, "?token=" + Token);

        await dashboard.OpenTabAsync("meter");
        Assert.Equal("Aidon", await dashboard.Page.TextContentAsync("dd:right-of(dt:text('Manufacturer'))"));
        Assert.True(dashboard.Problems.Count == 0, string.Join("\n", dashboard.Problems));
    }

    [BrowserFact]
    public async Task Dashboard_TheApiAnswers401_AsksForTheTokenAndGoesOnWithIt()
    {
        await using var server = await DashboardServer.StartAsync(Token);
        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, server.Address, Look.Desktop, "?token=" + Token);

        await dashboard.Page.Context.ClearCookiesAsync(); // as when the token changed while the page was open
        await dashboard.Page.ClickAsync("#tabs a[data-page='meter']");
        await dashboard.Page.FillAsync("#token-form input[name=token]", Token);
        await dashboard.Page.ClickAsync("#token-form button");
        await dashboard.ShownAsync("meter/");

        Assert.Equal("Aidon", await dashboard.Page.TextContentAsync("dd:right-of(dt:text('Manufacturer'))"));
    }
}
