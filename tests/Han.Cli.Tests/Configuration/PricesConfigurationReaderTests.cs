using Han.Cli.Configuration;
using Han.Integrations.Prices;

namespace Han.Cli.Tests.Configuration;

/// <summary>The <c>prices:</c> section: zone and source, the ENTSO-E token as a secret, the price file, and each bad value named.</summary>
public sealed class PricesConfigurationReaderTests
{
    private const string OneMeter = "meters:\n  - name: house\n    source: /dev/ttyUSB0\n";
    private const string Token = "0a1b2c3d-4e5f-6789-abcd-ef0123456789";

    [Fact]
    public void Read_NoSection_NoPrices()
    {
        Assert.Null(Read(OneMeter).Prices);
    }

    [Fact]
    public void Read_ZoneAlone_HvaKosterStrommenForThatZone()
    {
        var configuration = Read(OneMeter + "prices:\n  zone: no5\n");

        Assert.Equal(new PricesConfiguration(BiddingZone.Parse("NO5"), PriceSourceKind.HvaKosterStrommen, null, null), configuration.Prices);
        Assert.IsType<HvaKosterStrommenClient>(configuration.Prices!.CreateSource(new HttpClient()));
        Assert.Contains("prices: NO5 (Vest (Bergen)) from hvakosterstrommen.no", ConfigurationSummary.Describe("/etc/han/han.yaml", configuration), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EntsoeWithTokenFile_TakesTheTokenAndNeverShowsIt()
    {
        var configuration = Read(OneMeter + "prices:\n  zone: SE3\n  source: entsoe\n  entsoe_token_file: /etc/han/entsoe.token\n");

        Assert.Equal(PriceSourceKind.Entsoe, configuration.Prices!.Source);
        Assert.Equal(Token, configuration.Prices.EntsoeToken);
        Assert.Equal("10Y1001A1001A46L", configuration.Prices.Zone.Eic);
        Assert.IsType<EntsoeClient>(configuration.Prices.CreateSource(new HttpClient()));
        var summary = ConfigurationSummary.Describe("/etc/han/han.yaml", configuration);
        Assert.Contains("prices: SE3 (Stockholm) from the ENTSO-E Transparency Platform (token given)", summary, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FileAlone_IsTheFileSource()
    {
        var configuration = Read(OneMeter + "prices:\n  zone: NO1\n  file: /etc/han/prices.csv\n");

        Assert.Equal(new PricesConfiguration(BiddingZone.Parse("NO1"), PriceSourceKind.File, null, "/etc/han/prices.csv"), configuration.Prices);
    }

    [Fact]
    public void Read_TokenWithAnotherSource_WarnsItIsNotUsed()
    {
        var configuration = Read(OneMeter + "prices:\n  zone: NO1\n  entsoe_token: abc\n");

        Assert.Contains(configuration.Warnings, w => w.StartsWith("prices.entsoe_token (han.yaml line 6): only source: entsoe uses a token", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("prices:\n  source: entsoe\n", "prices.zone: missing; give your bidding zone: NO1 (Øst)")]
    [InlineData("prices:\n  zone: NO6\n", "prices.zone (han.yaml line 5): 'NO6' is not a bidding zone; use one of NO1, NO2, NO3, NO4, NO5, SE1")]
    [InlineData("prices:\n  zone: NO1\n  source: nordpool\n", "prices.source (han.yaml line 6): 'nordpool' is not a price source; use one of hvakosterstrommen, entsoe, file")]
    [InlineData("prices:\n  zone: NO1\n  source: entsoe\n", "prices.entsoe_token: missing; source: entsoe needs a token")]
    [InlineData("prices:\n  zone: NO1\n  source: file\n", "prices.file: missing; source: file needs the path")]
    [InlineData("prices:\n  zone: NO1\n  file: /nowhere/prices.csv\n", "prices.file (han.yaml line 6): '/nowhere/prices.csv' cannot be read")]
    [InlineData("prices:\n  zone: DK1\n", "prices.zone: 'DK1' is not in Norway, and hvakosterstrommen.no has NO1..NO5 only; use source: entsoe for DK1")]
    [InlineData("prices:\n  zone: NO1\n  entsoe_tokn: x\n", "prices.entsoe_tokn (han.yaml line 6): unknown setting; did you mean entsoe_token?")]
    [InlineData("prices:\n  zone: NO1\n  entsoe_token: a\n  entsoe_token_file: /etc/han/entsoe.token\n", "prices.entsoe_token and prices.entsoe_token_file: give one of them, not both")]
    public void Read_BadSetting_NamesItTheValueAndWhatIsValid(string section, string expected)
    {
        var problem = Assert.Throws<ConfigurationException>(() => Read(OneMeter + section));

        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_PricesAndGrid_SaysHowTheCostIsComputed()
    {
        var configuration = Read(OneMeter + "prices:\n  zone: NO1\n  markup: 4.9\n  supplier_fee: 39.2\ngrid:\n  company: elvia\n  support: norgespris\n  norgespris_price: 41\n");

        var summary = ConfigurationSummary.Describe("/etc/han/han.yaml", configuration);

        Assert.Contains("cost: NO1, grid Elvia AS, Norgespris (41 øre), standard VAT region, supplier markup 4.9 øre/kWh and 39.2 NOK/month ex VAT", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_GridWithoutPrices_SaysTheCostIsNotComputedAndWhy()
    {
        var summary = ConfigurationSummary.Describe("/etc/han/han.yaml", Read(OneMeter + "grid:\n  company: bkk\n"));

        Assert.Contains("cost: not computed (it needs prices: with the zone", summary, StringComparison.Ordinal);
    }

    private static RunConfiguration Read(string yaml)
    {
        var document = SettingsDocument.Load("/etc/han/han.yaml", new StringReader(yaml), []);
        return RunConfigurationReader.Read(
            document,
            file => file switch
            {
                "/etc/han/entsoe.token" => Token + "\n",
                "/etc/han/prices.csv" => "2025-10-01T00:00:00+02:00,0.5\n",
                _ => throw new FileNotFoundException($"Could not find file '{file}'", file),
            },
            _ => true,
            "/var/lib/han-test-state");
    }
}
