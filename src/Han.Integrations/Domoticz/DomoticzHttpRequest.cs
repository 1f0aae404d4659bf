using System.Globalization;

namespace Han.Integrations.Domoticz;

/// <summary>
/// The address of one update on Domoticz' HTTP JSON API (integrations.md §2.2, [DZ2]):
/// <c>json.htm?type=command&amp;param=udevice&amp;idx=12&amp;nvalue=0&amp;svalue=...</c>, below the configured
/// URL (which may carry a path, behind a reverse proxy).
/// </summary>
public static class DomoticzHttpRequest
{
    public static Uri For(Uri baseUrl, DomoticzUpdate update)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(update);
        var root = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl.AbsoluteUri : baseUrl.AbsoluteUri + "/";
        var query = string.Create(
            CultureInfo.InvariantCulture,
            $"json.htm?type=command&param=udevice&idx={update.Idx}&nvalue={update.NValue}&svalue={Uri.EscapeDataString(update.SValue)}");
        return new Uri(new Uri(root), query);
    }
}
