namespace Han.Browser.Tests;

/// <summary>
/// Debian's Chromium, the browser these tests drive (test.sh installs the package). Playwright's own
/// browser download does not work here and is never attempted: Playwright is told where Chromium is.
/// </summary>
internal static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    public static bool Installed => File.Exists(Path);

    /// <summary>In CI (<c>CI=true</c>) a missing Chromium fails the tests instead of skipping them.</summary>
    public static bool Required => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public const string Missing = $"{Path} is missing: install Debian's chromium (apt-get install -y chromium; test.sh does it)";
}

/// <summary>A test that needs Chromium: skipped where it is missing, except in CI, where it then fails.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!Chromium.Installed && !Chromium.Required)
        {
            Skip = Chromium.Missing;
        }
    }
}
