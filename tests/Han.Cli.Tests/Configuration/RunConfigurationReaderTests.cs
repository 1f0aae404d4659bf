using Han.Cli.Configuration;
using Han.Sources.Live;
using Han.TestCorpus;

namespace Han.Cli.Tests.Configuration;

/// <summary><c>han run</c>'s configuration: the example reads, and every bad setting is named with its line, value and what would be valid.</summary>
public sealed class RunConfigurationReaderTests
{
    private const string Key = "36C66639E48A8CA4D6BC8B282A793BBB";

    [Fact]
    public void Read_TheExampleInTheRepository_GivesItsMeterAndOutputs()
    {
        var path = Path.Combine(Vectors.RepositoryRoot(), "deploy", "han.yaml");

        var configuration = Read(File.ReadAllText(path), folderExists: _ => true); // the .deb makes /var/lib/han

        var meter = Assert.Single(configuration.Meters);
        Assert.Equal("house", meter.Name);
        Assert.Equal(SourceKind.Serial, meter.Source.Kind);
        Assert.Null(meter.Line);
        Assert.Equal(1, meter.Scale);
        Assert.Equal("/var/lib/han/{meter}.jsonl", configuration.Outputs.JsonLinesPath);
        Assert.Equal(10_000, configuration.Outputs.QueueSize);
    }

    [Theory]
    [InlineData("CZ")]
    [InlineData("hu")]
    public void Read_CountryWithoutVendorRules_IsAccepted(string code)
    {
        var configuration = Read($"meters:\n  - source: /dev/ttyUSB0\n    country: {code}\n");

        Assert.Equal(code.ToUpperInvariant(), Assert.Single(configuration.Meters).Country.Code);
    }

    [Fact]
    public void Read_LineSettingsGiven_MakesThem()
    {
        var configuration = Read("meters:\n  - source: /dev/ttyUSB0\n    baud: 2400\n    parity: none\n");

        Assert.Equal("2400 8N1", Assert.Single(configuration.Meters).Line!.ToString());
    }

    [Theory]
    [InlineData("meters:\n  - source: /dev/ttyUSB0\n    bauds: 2400\n", "meters[0].bauds (han.yaml line 3): unknown setting; did you mean baud?")]
    [InlineData("meters:\n  - source: /dev/ttyUSB0\n    baud: 2401\n", "meters[0] line settings (han.yaml line 3): '2401' is not a standard speed; use one of 300, 600, 1200, 2400")]
    [InlineData("meters:\n  - source: /dev/ttyUSB0\n    parity: even\n", "meters[0].parity (han.yaml line 3): 'even' needs a speed: give baud too")]
    [InlineData("meters:\n  - source: /dev/ttyUSB0\n    baud: 2400\n    parity: evn\n", "meters[0].parity (han.yaml line 4): 'evn' is not a parity; use none, even or odd")]
    [InlineData("meters:\n  - baud: 2400\n", "meters[0].source: missing; give the serial device")]
    [InlineData("meters:\n  - source: mqtt://han:secret@broker\n", "meters[0].source (han.yaml line 2): 'mqtt://han:***@broker' names no topic")]
    [InlineData("meters:\n  - source: /dev/ttyUSB0\n    scale: 0\n", "meters[0].scale (han.yaml line 3): '0' is not a current-transformer factor")]
    [InlineData("meters:\n  - source: /dev/ttyUSB0\n    country: XX\n", "meters[0].country (han.yaml line 3): 'XX' is not an ISO 3166 alpha-2 country code")]
    [InlineData("meters:\n  - name: a\n    source: /dev/ttyUSB0\n  - name: a\n    source: /dev/ttyUSB1\n", "meters: the name 'a' is given to 2 meters")]
    [InlineData("meters:\n  - name: my house\n    source: /dev/ttyUSB0\n", "meters[0].name (han.yaml line 2): 'my house' is not a meter name")]
    [InlineData("meters:\n  - source: /dev/ttyUSB0\n  - source: /dev/ttyUSB1\noutputs:\n  json_lines: /var/lib/han/all.jsonl\n", "outputs.json_lines (han.yaml line 5): '/var/lib/han/all.jsonl' is one file for several meters; put {meter} in it")]
    [InlineData("metres:\n  - source: /dev/ttyUSB0\n", "metres (han.yaml line 2): unknown setting; did you mean meters?")]
    [InlineData("outputs:\n  capture: x.han\n", "meters: no meter is configured")]
    [InlineData("meters:\n  - source: /dev/ttyUSB0\noutputs:\n  capture: /nonexistent/han/{meter}.han\n", "outputs.capture (han.yaml line 4): '/nonexistent/han/{meter}.han' is in a folder that does not exist (/nonexistent/han)")]
    [InlineData("meters:\n  - source: /dev/ttyUSB0\n    serial:\n      baud: 2400\n", "meters[0].serial.baud (han.yaml line 4): not where han expects a setting")]
    public void Read_BadSetting_NamesItWithItsLineAndWhatWouldBeValid(string yaml, string expected)
    {
        var problem = Assert.Throws<ConfigurationException>(() => Read(yaml));

        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ManyProblems_AreAllSaidAtOnce()
    {
        var problem = Assert.Throws<ConfigurationException>(() => Read("meters:\n  - source: /dev/ttyUSB0\n    bauds: 2400\n    scale: -1\n"));

        Assert.Equal(2, problem.Message.Split('\n').Length);
    }

    [Fact]
    public void Read_KeyThatIsWrong_SaysWhyWithoutShowingIt()
    {
        var problem = Assert.Throws<ConfigurationException>(() => Read($"meters:\n  - source: /dev/ttyUSB0\n    key: {Key[..30]}\n"));

        Assert.Contains("meters[0].key (han.yaml line 3): ", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key[..30], problem.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Read_KeyFile_IsReadAndAMissingOneSaysSo()
    {
        var read = Read("meters:\n  - source: /dev/ttyUSB0\n    key_file: /etc/han/house.key\n", file => file == "/etc/han/house.key" ? Key + "\n" : throw new FileNotFoundException($"Could not find file '{file}'."));
        var missing = Assert.Throws<ConfigurationException>(() => Read("meters:\n  - source: /dev/ttyUSB0\n    key_file: /etc/han/nope.key\n", file => throw new FileNotFoundException($"Could not find file '{file}'.")));

        Assert.NotNull(Assert.Single(read.Meters).Key);
        Assert.Contains("meters[0].key_file (han.yaml line 3): '/etc/han/nope.key' cannot be read (Could not find file '/etc/han/nope.key'.)", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EnvironmentVariable_OverridesTheFileAndUnknownOnesAreOnlyWarnedAbout()
    {
        var configuration = Read(
            "meters:\n  - source: /dev/ttyUSB0\n",
            environment: [new("HAN_METERS__0__SOURCE", "tcp://pi:3001"), new("HAN_PROPERTY_RUNS", "100")]);

        Assert.Equal(SourceKind.Tcp, Assert.Single(configuration.Meters).Source.Kind);
        Assert.Contains(configuration.Warnings, warning => warning.StartsWith("property_runs (environment variable HAN_PROPERTY_RUNS): unknown setting", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_NotYaml_SaysWhereItBreaks()
    {
        var problem = Assert.Throws<ConfigurationException>(() => Read("meters:\n  - source: [unclosed\n"));

        Assert.StartsWith("han.yaml line ", problem.Message, StringComparison.Ordinal);
        Assert.Contains("this is not valid YAML", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_GridSection_GivesTheTariffAndTheHouseholdsChoices()
    {
        var configuration = Read("meters:\n  - source: /dev/ttyUSB0\ngrid:\n  company: elvia\n  support: norgespris\n  region: tiltakssone\n  residence: holiday-home\n");

        var grid = configuration.Grid!;
        Assert.Equal("elvia", grid.Company);
        Assert.StartsWith("Elvia", grid.Tariff!.Company, StringComparison.Ordinal);
        Assert.Equal((Han.Pricing.SupportScheme.Norgespris, Han.Pricing.TaxRegion.Tiltakssone, Han.Pricing.Residence.HolidayHome), (grid.Support!.Value, grid.Region!.Value, grid.Residence!.Value));
        Assert.DoesNotContain(configuration.Warnings, warning => warning.StartsWith("grid", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_GridSupportMisspelt_NamesTheSettingTheValueAndWhatIsValid()
    {
        var problem = Assert.Throws<ConfigurationException>(() => Read("meters:\n  - source: /dev/ttyUSB0\ngrid:\n  support: norgepris\n"));

        Assert.Contains("grid.support (han.yaml line 4): 'norgepris' is not valid; use one of stromstotte, norgespris, none", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_GridCompanyUnknown_NamesTheSettingAndTheShippedCompanies()
    {
        var problem = Assert.Throws<ConfigurationException>(() => Read("meters:\n  - source: /dev/ttyUSB0\ngrid:\n  company: elvja\n"));

        Assert.Contains("grid.company (han.yaml line 4): ", problem.Message, StringComparison.Ordinal);
        Assert.Contains("elvia", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SupplierMarkupWithAComma_IsRefusedWithWhatToWrite()
    {
        var problem = Assert.Throws<ConfigurationException>(() => Read("meters:\n  - source: /dev/ttyUSB0\nprices:\n  zone: NO1\n  markup: 4,9\n"));

        Assert.Contains("prices.markup (han.yaml line 5): '4,9' is not the supplier's markup in øre/kWh excluding VAT", problem.Message, StringComparison.Ordinal);
    }

    private static RunConfiguration Read(string yaml, Func<string, string>? readFile = null, KeyValuePair<string, string>[]? environment = null, Func<string, bool>? folderExists = null)
    {
        var document = SettingsDocument.Load("/etc/han/han.yaml", new StringReader(yaml), environment ?? []);
        return RunConfigurationReader.Read(document, readFile ?? (file => throw new FileNotFoundException(file)), folderExists ?? Directory.Exists);
    }
}
