namespace Han.Browser.Tests;

/// <summary>With several meters a picker chooses which one the pages show, and the choice is remembered.</summary>
[Collection(OneBrowser.Name)]
public sealed class MeterPickerTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task Picker_TwoMeters_ChoosesTheOneShownAndRemembersIt()
    {
        await using var server = await DashboardServer.StartAsync(names: ["house", "cabin"]);
        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, server.Address, Look.Desktop, "#/meter");
        Assert.Equal("house", await dashboard.Page.TextContentAsync("dd:right-of(dt:text('Name'))"));

        await dashboard.Page.SelectOptionAsync("#meter-picker", "cabin");
        await dashboard.Page.WaitForFunctionAsync("document.querySelector('#page dd')?.textContent === 'cabin'");
        await dashboard.Page.ReloadAsync();
        await dashboard.ShownAsync("meter/");

        Assert.Equal(["house", "cabin"], await dashboard.Page.EvalOnSelectorAllAsync<string[]>("#meter-picker option", "options => options.map(o => o.value)"));
        Assert.Equal("cabin", await dashboard.Page.InputValueAsync("#meter-picker"));
        Assert.Equal("cabin", await dashboard.Page.TextContentAsync("dd:right-of(dt:text('Name'))"));
        Assert.True(dashboard.Problems.Count == 0, string.Join("\n", dashboard.Problems));
    }
}
