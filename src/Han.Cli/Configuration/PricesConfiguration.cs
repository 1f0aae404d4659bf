using Han.Integrations.Prices;

namespace Han.Cli.Configuration;

/// <summary>Where <c>han run</c> takes spot prices from (docs/prices.md).</summary>
internal enum PriceSourceKind
{
    /// <summary>hvakosterstrommen.no: free, no key, Norway's zones.</summary>
    HvaKosterStrommen,

    /// <summary>The ENTSO-E Transparency Platform with a token, every zone; EUR converted with Norges Bank's rate.</summary>
    Entsoe,

    /// <summary>A local CSV or JSON file.</summary>
    File,
}

/// <summary>
/// The <c>prices:</c> section, checked: the bidding zone and the source of its spot prices, which are kept
/// in the history's store so that nothing is fetched twice.
/// </summary>
/// <param name="EntsoeToken">The ENTSO-E token (a secret: never shown), with <see cref="PriceSourceKind.Entsoe"/>.</param>
/// <param name="FilePath">The price file, with <see cref="PriceSourceKind.File"/>.</param>
internal sealed record PricesConfiguration(BiddingZone Zone, PriceSourceKind Source, string? EntsoeToken, string? FilePath)
{
    /// <summary>The supplier's markup (<c>markup</c>), øre/kWh excluding VAT.</summary>
    public decimal MarkupOrePerKwh { get; init; }

    /// <summary>The supplier's fixed fee (<c>supplier_fee</c>), NOK/month excluding VAT.</summary>
    public decimal SupplierFeeNokPerMonth { get; init; }

    /// <summary>The source's name as in the configuration.</summary>
    public string SourceName => Source switch
    {
        PriceSourceKind.Entsoe => "entsoe",
        PriceSourceKind.File => "file",
        _ => "hvakosterstrommen",
    };

    /// <summary>What <c>--check</c> says of it (never the token).</summary>
    public string Describe() => Source switch
    {
        PriceSourceKind.Entsoe => $"prices: {Zone} ({Zone.Area}) from the ENTSO-E Transparency Platform (token given), EUR/NOK from Norges Bank",
        PriceSourceKind.File => $"prices: {Zone} ({Zone.Area}) from the file {FilePath}",
        _ => $"prices: {Zone} ({Zone.Area}) from hvakosterstrommen.no",
    };

    /// <summary>The source, over <paramref name="http"/> for the services.</summary>
    public IPriceSource CreateSource(HttpClient http) => Source switch
    {
        PriceSourceKind.Entsoe => new EntsoeClient(http, EntsoeToken!, new NorgesBankRates(http)),
        PriceSourceKind.File => new FilePriceSource(FilePath!),
        _ => new HvaKosterStrommenClient(http),
    };
}
