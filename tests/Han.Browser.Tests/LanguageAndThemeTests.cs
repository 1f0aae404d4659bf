using System.Globalization;
using System.Text.RegularExpressions;

namespace Han.Browser.Tests;

/// <summary>Norwegian and dark mode follow the browser, and the toggles change them and are remembered.</summary>
[Collection(OneBrowser.Name)]
public sealed partial class LanguageAndThemeTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task Dashboard_NorwegianDarkBrowser_ShowsNorwegianOnDark()
    {
        await using var server = await DashboardServer.StartAsync();
        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, server.Address, Look.Desktop.Dark.Norwegian);

        Assert.StartsWith("Effekt nå", await dashboard.Page.TextContentAsync("#card-power h2"), StringComparison.Ordinal);
        Assert.Equal("Historikk", await dashboard.Page.TextContentAsync("#tabs a[data-page='history']"));
        Assert.Equal("nb", await dashboard.Page.GetAttributeAsync("html", "lang"));
        // "han" alone reads as "he" in Norwegian ("hans API" = "his API"): the texts name the program.
        Assert.StartsWith("Alt her kommer fra API-et til han-programmet:", await dashboard.Page.TextContentAsync("footer"), StringComparison.Ordinal);
        Assert.True(await BackgroundLightnessAsync(dashboard) < 0.2);
        Assert.True(dashboard.Problems.Count == 0, string.Join("\n", dashboard.Problems));
    }

    [BrowserFact]
    public async Task Toggles_Clicked_ChangeLanguageAndThemeAndAreRemembered()
    {
        await using var server = await DashboardServer.StartAsync();
        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, server.Address, Look.Desktop);
        Assert.True(await BackgroundLightnessAsync(dashboard) > 0.8);
        Assert.Equal("History", await dashboard.Page.TextContentAsync("#tabs a[data-page='history']"));

        await dashboard.Page.ClickAsync("#theme-toggle");
        await dashboard.Page.ClickAsync("#language-toggle");
        await dashboard.ShownAsync();
        await dashboard.Page.ReloadAsync();
        await dashboard.ShownAsync();

        Assert.True(await BackgroundLightnessAsync(dashboard) < 0.2);
        Assert.Equal("Historikk", await dashboard.Page.TextContentAsync("#tabs a[data-page='history']"));
        Assert.Contains("Forbruk", await dashboard.Page.TextContentAsync("#card-power"), StringComparison.Ordinal);
        Assert.True(dashboard.Problems.Count == 0, string.Join("\n", dashboard.Problems));
    }

    /// <summary>The page's background lightness, 0 (black) to 1 (white).</summary>
    private static async Task<double> BackgroundLightnessAsync(DashboardPage dashboard)
    {
        var color = await dashboard.Page.EvaluateAsync<string>("getComputedStyle(document.documentElement).backgroundColor");
        var parts = Rgb().Match(color);
        Assert.True(parts.Success, color);
        var channels = Enumerable.Range(1, 3).Select(i => double.Parse(parts.Groups[i].Value, CultureInfo.InvariantCulture) / 255).ToList();
        return (channels.Max() + channels.Min()) / 2;
    }

    [GeneratedRegex(@"rgba?\((\d+), (\d+), (\d+)")]
    private static partial Regex Rgb();
}
