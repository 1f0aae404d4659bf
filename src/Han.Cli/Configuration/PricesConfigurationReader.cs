using Han.Integrations.Prices;

namespace Han.Cli.Configuration;

/// <summary>
/// Reads the <c>prices:</c> section of <c>han run</c>'s configuration (docs/prices.md):
/// <code>
/// prices:
///   zone: NO1                    # NO1..NO5 (or SE1..SE4, DK1, DK2, FI, AT, BE, NL with entsoe)
///   source: hvakosterstrommen    # or entsoe (entsoe_token / entsoe_token_file), or file (file: PATH)
///   markup: 4.9                  # the supplier's markup, øre/kWh EXCLUDING VAT (offers quote it with VAT: divide by 1.25)
///   supplier_fee: 39.20          # the supplier's fixed fee, NOK/month EXCLUDING VAT
/// </code>
/// The section is read when it is there and not <c>enabled: false</c>; its zone must be given.
/// </summary>
internal static class PricesConfigurationReader
{
    public const string Section = "prices";

    /// <summary>The settings of the section, as paths below it.</summary>
    public static readonly string[] Keys = ["enabled", "zone", "source", "entsoe_token", "entsoe_token_file", "file", "markup", "supplier_fee"];

    private static readonly string[] Sources = ["hvakosterstrommen", "entsoe", "file"];

    /// <summary>The prices' configuration, or null when the section is not there, says <c>enabled: false</c>, or has errors.</summary>
    public static PricesConfiguration? Read(ConfigurationChecker check)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (!check.ReadBool($"{Section}:enabled", check.HasSection(Section)))
        {
            return null;
        }

        var errorsBefore = check.Errors.Count;
        var zone = ReadZone(check);
        var file = check.Get($"{Section}:file");
        var source = ReadSource(check, file is not null);
        var token = check.ReadSecretText($"{Section}:entsoe_token");
        switch (source)
        {
            case PriceSourceKind.Entsoe when token is null:
                check.Error($"{Section}.entsoe_token: missing; source: entsoe needs a token of the ENTSO-E Transparency Platform in entsoe_token_file (or entsoe_token): register on transparency.entsoe.eu and ask transparency@entsoe.eu for \"Restful API access\" (docs/prices.md)");
                break;
            case PriceSourceKind.File when file is null:
                check.Error($"{Section}.file: missing; source: file needs the path of a CSV (start,nok_per_kwh) or JSON price file");
                break;
            case PriceSourceKind.File:
                check.ReadExistingFile($"{Section}:file", "a CSV (start,nok_per_kwh) or JSON price file");
                break;
            case PriceSourceKind.HvaKosterStrommen when zone is { IsNorwegian: false }:
                check.Error($"{Section}.zone: '{zone.Code}' is not in Norway, and hvakosterstrommen.no has NO1..NO5 only; use source: entsoe for {zone.Code}");
                break;
        }

        if (token is not null && source != PriceSourceKind.Entsoe)
        {
            check.Warn($"{token.Value.Source.Name} ({token.Value.Source.Origin}): only source: entsoe uses a token; it is not used with source: {Sources[(int)source]}");
        }

        var markup = check.ReadDecimal($"{Section}:markup", 0m, -100m, 1000m, "the supplier's markup in øre/kWh excluding VAT");
        var fee = check.ReadDecimal($"{Section}:supplier_fee", 0m, 0m, 100_000m, "the supplier's fixed fee in NOK/month excluding VAT");
        return check.Errors.Count > errorsBefore || zone is null
            ? null
            : new PricesConfiguration(zone, source, token?.Text, file?.Value) { MarkupOrePerKwh = markup, SupplierFeeNokPerMonth = fee };
    }

    private static BiddingZone? ReadZone(ConfigurationChecker check)
    {
        if (check.Get($"{Section}:zone") is not { } setting)
        {
            check.Error($"{Section}.zone: missing; give your bidding zone: NO1 (Øst), NO2 (Sør), NO3 (Midt), NO4 (Nord) or NO5 (Vest), as on your electricity bill");
            return null;
        }

        if (!BiddingZone.TryParse(setting.Value, out var zone))
        {
            check.Fail(setting, $"is not a bidding zone; use one of {BiddingZone.ValidCodes}");
        }

        return zone;
    }

    private static PriceSourceKind ReadSource(ConfigurationChecker check, bool fileGiven)
    {
        if (check.Get($"{Section}:source") is not { } setting)
        {
            return fileGiven ? PriceSourceKind.File : PriceSourceKind.HvaKosterStrommen;
        }

        var index = Array.IndexOf(Sources, setting.Value.Trim().ToLowerInvariant());
        if (index < 0)
        {
            check.Fail(setting, $"is not a price source; use one of {string.Join(", ", Sources)}");
            return PriceSourceKind.HvaKosterStrommen;
        }

        return (PriceSourceKind)index;
    }
}
