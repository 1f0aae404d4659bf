using System.Globalization;

namespace Han.Browser.Tests;

/// <summary>Numbers as the English page writes them, computed here apart from the page's own formatting.</summary>
internal static class PageNumbers
{
    /// <summary>Grouped, rounded half away from zero to exactly so many decimals.</summary>
    public static string Number(decimal value, int decimals) =>
        decimal.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("#,0." + new string('0', decimals), CultureInfo.InvariantCulture);

    /// <summary>A total as the cards show it: the number and its unit (the unit is a separate element, so no space).</summary>
    public static string Kwh(decimal value, int decimals) => Number(value, decimals) + "kWh";
}
