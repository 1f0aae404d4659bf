using Han.Cli.Configuration;

namespace Han.Cli.Tests.Configuration;

/// <summary>The <c>homeassistant:</c> section: defaults, the statistics address derived from Home Assistant's, and every bad setting named.</summary>
public sealed class HomeAssistantSectionReaderTests
{
    private const string Meter = "meters:\n  - source: /dev/ttyUSB0\n";

    [Fact]
    public void Read_NoSection_GivesNoHomeAssistant()
    {
        Assert.Null(Read(Meter).HomeAssistant);
    }

    [Fact]
    public void Read_EmptySection_GivesDiscoveryWithHomeAssistantsDefaultsAndNoStatistics()
    {
        var homeAssistant = Read(Meter + "homeassistant:\n").HomeAssistant;

        Assert.NotNull(homeAssistant?.Discovery);
        Assert.Equal("homeassistant", homeAssistant.Discovery.DiscoveryPrefix);
        Assert.Equal("homeassistant/status", homeAssistant.Discovery.BirthTopic);
        Assert.Null(homeAssistant.Discovery.DashboardUrl);
        Assert.Null(homeAssistant.Statistics);
    }

    [Fact]
    public void Read_EnabledFalse_GivesNoHomeAssistant()
    {
        Assert.Null(Read(Meter + "homeassistant:\n  enabled: false\n  discovery_prefix: ha\n").HomeAssistant);
    }

    [Fact]
    public void Read_DiscoveryFalse_KeepsTheStatisticsWithoutDiscoveryOrItsWarning()
    {
        var configuration = Read(Meter + "mqtt:\n  host: broker\nhomeassistant:\n  discovery: false\n  statistics:\n    url: http://ha:8123\n    token: abc\n    time_zone: Europe/Oslo\n");
        var withoutBroker = Read(Meter + "homeassistant:\n  discovery: false\n  statistics:\n    url: http://ha:8123\n    token: abc\n    time_zone: Europe/Oslo\n");

        Assert.Null(configuration.HomeAssistant!.Discovery);
        Assert.NotNull(configuration.HomeAssistant.Statistics);
        Assert.DoesNotContain(withoutBroker.Warnings, warning => warning.Contains("MQTT discovery", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_EverySetting_IsTaken()
    {
        var yaml = Meter + "homeassistant:\n  discovery_prefix: ha\n  birth_topic: ha/status\n  dashboard_url: https://pi.local:8080/\n"
            + "  statistics:\n    url: wss://ha.example.org/api/websocket\n    token_file: /etc/han/ha.token\n    time_zone: Europe/Oslo\n";

        var homeAssistant = Read(yaml, file => file == "/etc/han/ha.token" ? "abc.def.ghi\n" : throw new FileNotFoundException(file)).HomeAssistant!;

        Assert.NotNull(homeAssistant.Discovery);
        Assert.Equal("ha", homeAssistant.Discovery.DiscoveryPrefix);
        Assert.Equal("ha/status", homeAssistant.Discovery.BirthTopic);
        Assert.Equal(new Uri("https://pi.local:8080/"), homeAssistant.Discovery.DashboardUrl);
        var statistics = homeAssistant.Statistics!;
        Assert.Equal(new Uri("wss://ha.example.org/api/websocket"), statistics.WebSocketUrl);
        Assert.Equal("abc.def.ghi", statistics.Token);
        Assert.Equal("Europe/Oslo", statistics.TimeZone.Id);
        Assert.DoesNotContain("abc.def.ghi", statistics.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://homeassistant.local:8123", "ws://homeassistant.local:8123/api/websocket")]
    [InlineData("https://ha.example.org/", "wss://ha.example.org/api/websocket")]
    [InlineData("https://example.org/ha", "wss://example.org/ha/api/websocket")]
    [InlineData("ws://10.0.0.5:8123", "ws://10.0.0.5:8123/api/websocket")]
    [InlineData("ws://10.0.0.5:8123/api/websocket/", "ws://10.0.0.5:8123/api/websocket")]
    public void Read_StatisticsUrl_GivesTheWebSocketAddress(string given, string expected)
    {
        var yaml = Meter + $"homeassistant:\n  statistics:\n    url: {given}\n    token: abc\n    time_zone: Europe/Oslo\n";

        Assert.Equal(expected, Read(yaml).HomeAssistant!.Statistics!.WebSocketUrl.ToString());
    }

    [Theory]
    [InlineData("homeassistant:\n  statistics:\n    url: ftp://ha\n    token: abc\n", "homeassistant.statistics.url (han.yaml line 5): 'ftp://ha' is not Home Assistant's address; give it as http://homeassistant.local:8123")]
    [InlineData("homeassistant:\n  statistics:\n    token: abc\n", "homeassistant.statistics.url: missing; give Home Assistant's address")]
    [InlineData("homeassistant:\n  statistics:\n    url: http://ha:8123\n", "homeassistant.statistics.token_file: missing; make a long-lived access token as an administrator")]
    [InlineData("homeassistant:\n  statistics:\n    url: http://ha:8123\n    token: abc\n    token_file: /x\n", "homeassistant.statistics.token and homeassistant.statistics.token_file: give one of them, not both")]
    [InlineData("homeassistant:\n  statistics:\n    url: http://ha:8123\n    token_file: /etc/han/none\n", "homeassistant.statistics.token_file (han.yaml line 6): '/etc/han/none' cannot be read")]
    [InlineData("homeassistant:\n  statistics:\n    url: http://ha:8123\n    token: abc\n    time_zone: Europe/Olso\n", "homeassistant.statistics.time_zone (han.yaml line 7): 'Europe/Olso' is not a time zone this system knows; give an IANA zone, as in Europe/Oslo")]
    [InlineData("homeassistant:\n  dashboard_url: pi.local:8080\n", "homeassistant.dashboard_url (han.yaml line 4): 'pi.local:8080' is not a web address")]
    [InlineData("homeassistant:\n  discovery_prefix: ha/#\n", "homeassistant.discovery_prefix (han.yaml line 4): 'ha/#' is not an MQTT topic han can use")]
    [InlineData("homeassistant:\n  birth_topic: /status\n", "homeassistant.birth_topic (han.yaml line 4): '/status' is not an MQTT topic han can use")]
    [InlineData("homeassistant:\n  enabled: maybe\n", "homeassistant.enabled (han.yaml line 4): 'maybe' is not true or false")]
    [InlineData("homeassistant:\n  discovery_prefx: ha\n", "homeassistant.discovery_prefx (han.yaml line 4): unknown setting; did you mean discovery_prefix?")]
    [InlineData("homeassistant:\n  statistics:\n    tokn: abc\n", "homeassistant.statistics.tokn (han.yaml line 5): unknown setting; did you mean statistics:token?")]
    public void Read_BadSetting_NamesItAndWhatWouldBeValid(string section, string expected)
    {
        var problem = Assert.Throws<ConfigurationException>(() => Read(Meter + section));

        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("abc", problem.Message.Replace("abc\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TokenFromTheEnvironment_IsTaken()
    {
        var configuration = Read(
            Meter + "homeassistant:\n  statistics:\n    url: http://ha:8123\n    time_zone: UTC\n",
            environment: [new("HAN_HOMEASSISTANT__STATISTICS__TOKEN", "from-env")]);

        Assert.Equal("from-env", configuration.HomeAssistant!.Statistics!.Token);
    }

    [Fact]
    public void Describe_Statistics_SaysWhereWithoutTheToken()
    {
        var configuration = Read(Meter + "homeassistant:\n  statistics:\n    url: http://ha:8123\n    token: secret-token\n    time_zone: Europe/Oslo\n");

        var summary = ConfigurationSummary.Describe("han.yaml", configuration);

        Assert.Contains("homeassistant: discovery under homeassistant/, birth message on homeassistant/status; hourly energy into long-term statistics at ws://ha:8123/api/websocket (meter clocks in Europe/Oslo)", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token", summary, StringComparison.Ordinal);
    }

    private static RunConfiguration Read(string yaml, Func<string, string>? readFile = null, KeyValuePair<string, string>[]? environment = null)
    {
        var document = SettingsDocument.Load("/etc/han/han.yaml", new StringReader(yaml), environment ?? []);
        return RunConfigurationReader.Read(document, readFile ?? (file => throw new FileNotFoundException($"Could not find file '{file}'.")), _ => true);
    }
}
