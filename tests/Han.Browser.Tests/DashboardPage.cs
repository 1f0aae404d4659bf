using Microsoft.Playwright;

namespace Han.Browser.Tests;

/// <summary>
/// The dashboard open in its own browser context (so its cookies and storage are its own), with every
/// console error, uncaught exception, failed request and error answer collected in <see cref="Problems"/>.
/// </summary>
internal sealed class DashboardPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _problems = [];

    private DashboardPage(IBrowserContext context, IPage page, Uri address, Look look)
    {
        _context = context;
        Page = page;
        Address = address;
        Look = look;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Note($"console error: {message.Text}");
            }
        };
        page.PageError += (_, error) => Note($"uncaught: {error}");
        page.RequestFailed += (_, request) =>
        {
            // Leaving the "Now" page closes its live stream: the browser calls that an aborted request.
            if (!(request.Url.EndsWith("/live/stream", StringComparison.Ordinal) && request.Failure == "net::ERR_ABORTED"))
            {
                Note($"request failed: {request.Method} {request.Url} ({request.Failure})");
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                Note($"answer {response.Status}: {response.Url}");
            }
        };
    }

    public IPage Page { get; }

    public Uri Address { get; }

    public Look Look { get; }

    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_problems)
            {
                return [.. _problems];
            }
        }
    }

    public static async Task<DashboardPage> OpenAsync(IBrowser browser, Uri address, Look look, string path = "")
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = look.Width, Height = look.Height },
            Locale = look.Locale,
            TimezoneId = "Europe/Oslo",
            ColorScheme = look.Scheme,
            HasTouch = look.IsPhone,
            IsMobile = look.IsPhone,
        });
        var page = await context.NewPageAsync();
        var dashboard = new DashboardPage(context, page, address, look);
        await page.GotoAsync(new Uri(address, path).ToString());
        await dashboard.ShownAsync();
        return dashboard;
    }

    /// <summary>Waits until the page has drawn its cards (the shell marks the page busy while it loads one).</summary>
    public async Task ShownAsync() =>
        await Page.WaitForSelectorAsync("#page:not([aria-busy]) .card", new PageWaitForSelectorOptions { Timeout = 15000 });

    /// <summary>Opens a page of the dashboard by its tab, as a person would.</summary>
    public async Task OpenTabAsync(string page)
    {
        await Page.ClickAsync($"#tabs a[data-page='{page}']");
        await ShownAsync(page + "/");
    }

    /// <summary>Waits until the page the address names (<c>history/month/2026-11</c>, or its start) is drawn.</summary>
    public async Task ShownAsync(string shown) =>
        await Page.WaitForSelectorAsync($"#page[data-shown^='{shown}']:not([aria-busy]) .card", new PageWaitForSelectorOptions { Timeout = 15000 });

    /// <summary>A screenshot of the whole page into artifacts/screenshots/ (gitignored), for a person to look at.</summary>
    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(Screenshots.Folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots.Folder, $"{name}-{Look.Name}.png"), FullPage = true });
    }

    private void Note(string problem)
    {
        lock (_problems)
        {
            _problems.Add(problem);
        }
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
