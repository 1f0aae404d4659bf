using Microsoft.Playwright;

namespace Han.Browser.Tests;

/// <summary>One headless Chromium for the whole test run (a browser takes a second or two to start on this machine).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException(Chromium.Missing);

    public async Task InitializeAsync()
    {
        if (!Chromium.Installed)
        {
            return; // each test then skips, or fails in CI, with Chromium.Missing
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium.Path, Headless = true });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class OneBrowser : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
