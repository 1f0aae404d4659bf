using System.Diagnostics.CodeAnalysis;

namespace Han.Integrations.Prices;

/// <summary>
/// A day-ahead bidding zone: its short name (NO1) and its EIC code, which ENTSO-E takes as in_Domain and
/// out_Domain. The codes are those of pricing.md §2.1 (from amsreader's configuration page).
/// </summary>
public sealed record BiddingZone(string Code, string Eic, string Area)
{
    /// <summary>Every zone han knows, Norway first.</summary>
    public static IReadOnlyList<BiddingZone> All { get; } =
    [
        new("NO1", "10YNO-1--------2", "Øst (Oslo)"),
        new("NO2", "10YNO-2--------T", "Sør (Kristiansand)"),
        new("NO3", "10YNO-3--------J", "Midt (Trondheim)"),
        new("NO4", "10YNO-4--------9", "Nord (Tromsø)"),
        new("NO5", "10Y1001A1001A48H", "Vest (Bergen)"),
        new("SE1", "10Y1001A1001A44P", "Luleå"),
        new("SE2", "10Y1001A1001A45N", "Sundsvall"),
        new("SE3", "10Y1001A1001A46L", "Stockholm"),
        new("SE4", "10Y1001A1001A47J", "Malmö"),
        new("DK1", "10YDK-1--------W", "Vest-Danmark"),
        new("DK2", "10YDK-2--------M", "Øst-Danmark"),
        new("FI", "10YFI-1--------U", "Finland"),
        new("AT", "10YAT-APG------L", "Austria"),
        new("BE", "10YBE----------2", "Belgium"),
        new("NL", "10YNL----------L", "Netherlands"),
    ];

    /// <summary>The zone codes, for messages that list what is valid.</summary>
    public static string ValidCodes => string.Join(", ", All.Select(zone => zone.Code));

    /// <summary>Whether this is a Norwegian zone (hvakosterstrommen.no has only these).</summary>
    public bool IsNorwegian => Code.StartsWith("NO", StringComparison.Ordinal);

    /// <summary>A zone by its code (NO1, no1) or its EIC code.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out BiddingZone? zone)
    {
        zone = All.FirstOrDefault(z => string.Equals(z.Code, text?.Trim(), StringComparison.OrdinalIgnoreCase) || string.Equals(z.Eic, text?.Trim(), StringComparison.OrdinalIgnoreCase));
        return zone is not null;
    }

    /// <summary>A zone by its code, or an <see cref="ArgumentException"/> that lists the valid ones.</summary>
    public static BiddingZone Parse(string text) =>
        TryParse(text, out var zone) ? zone : throw new ArgumentException($"'{text}' is not a bidding zone han knows; use one of {ValidCodes}", nameof(text));

    public override string ToString() => Code;
}
