using System.Globalization;

namespace Han.Integrations.Domoticz;

/// <summary>
/// The address of one update on Domoticz' HTTP JSON API (integrations.md §2.2, [DZ2]):
/// <c>json.htm?type=command&amp;param=udevice&amp;idx=12&amp;nvalue=0&amp;svalue=...</c>, below the configured
/// URL (which may carry a path, behind a reverse proxy). The svalue's semicolons go as they are, as in
/// Domoticz' own examples (<c>svalue=USAGE1;USAGE2;...</c>): a query may hold them, and so nothing rests
/// on Domoticz decoding <c>%3B</c>.
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
            $"json.htm?type=command&param=udevice&idx={update.Idx}&nvalue={update.NValue}&svalue={Uri.EscapeDataString(update.SValue).Replace("%3B", ";", StringComparison.Ordinal)}");
        return new Uri(new Uri(root), query);
    }
}
