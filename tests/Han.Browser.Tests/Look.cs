using Microsoft.Playwright;

namespace Han.Browser.Tests;

/// <summary>How a browser shows the dashboard: a screen size, a language and a colour scheme.</summary>
internal sealed record Look(string Name, int Width, int Height, string Locale, ColorScheme Scheme)
{
    public static readonly Look Desktop = new("desktop", 1280, 900, "en-GB", ColorScheme.Light);

    /// <summary>A phone the size of an iPhone 12-15 (390×844 CSS pixels).</summary>
    public static readonly Look Phone = new("phone", 390, 844, "en-GB", ColorScheme.Light);

    public Look Dark => this with { Name = Name + "-dark", Scheme = ColorScheme.Dark };

    public Look Norwegian => this with { Name = Name + "-nb", Locale = "nb-NO" };

    public bool IsPhone => Width < 640;
}
