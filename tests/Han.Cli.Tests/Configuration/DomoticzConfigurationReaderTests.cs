using Han.Cli.Configuration;
using Han.Integrations.Domoticz;
using Han.TestCorpus;

namespace Han.Cli.Tests.Configuration;

/// <summary>The <c>domoticz:</c> section: what it makes, and every bad setting named with what would be valid.</summary>
public sealed class DomoticzConfigurationReaderTests
{
    private const string OneMeter = "meters:\n  - name: house\n    source: /dev/ttyUSB0\n";
    private const string TwoMeters = OneMeter + "  - name: cabin\n    source: tcp://cabin:3001\n";

    [Fact]
    public void Read_HttpWithDevices_MakesTheOutput()
    {
        var domoticz = Read(OneMeter + "domoticz:\n  url: https://pi:8443/domoticz\n  username: han\n  password_file: /etc/han/dz\n  interval: 30\n  idx:\n    p1: 12\n    voltage_l1: 14\n    current: 17\n").Domoticz!;

        Assert.Equal(DomoticzVia.Http, domoticz.Via); // the url says http
        Assert.Equal("https://pi:8443/domoticz", domoticz.Url!.ToString());
        Assert.Equal(("han", "secret"), (domoticz.Username, domoticz.Password));
        Assert.Equal(TimeSpan.FromSeconds(30), domoticz.Interval);
        var devices = Assert.Single(domoticz.Meters);
        Assert.Equal("house", devices.Key);
        Assert.Equal([(DomoticzDevice.P1, 12), (DomoticzDevice.VoltageL1, 14), (DomoticzDevice.Current, 17)], devices.Value.All.Select(d => (d.Key, d.Value)));
    }

    [Fact]
    public void Read_MqttWithoutTopic_UsesDomoticzIn()
    {
        var domoticz = Read(OneMeter + "mqtt:\n  host: broker\ndomoticz:\n  via: mqtt\n  idx:\n    power: 3\n").Domoticz!;

        Assert.Equal(DomoticzVia.Mqtt, domoticz.Via);
        Assert.Equal("domoticz/in", domoticz.Topic);
        Assert.Equal(TimeSpan.FromSeconds(10), domoticz.Interval);
    }

    [Fact]
    public void Read_SeveralMeters_TakesEachMetersDevicesByName()
    {
        var domoticz = Read(TwoMeters + "domoticz:\n  url: http://pi:8080\n  meters:\n    house:\n      p1: 1\n    cabin:\n      p1: 2\n      power: 3\n").Domoticz!;

        Assert.Equal(1, domoticz.Meters["house"].All.Single().Value);
        Assert.Equal([2, 3], domoticz.Meters["cabin"].All.Select(d => d.Value));
    }

    [Fact]
    public void Read_TheExampleInTheRepositoryUncommented_GivesItsDevices()
    {
        // deploy/han.yaml carries the section commented out; the example must work once a user uncomments it.
        var lines = File.ReadAllLines(Path.Combine(Vectors.RepositoryRoot(), "deploy", "han.yaml")).ToList();
        var start = lines.IndexOf("# domoticz:");
        var example = lines.Take(start).Concat(lines.Skip(start).TakeWhile(l => l.StartsWith('#')).Select(l => l[2..]));

        var domoticz = Read(string.Join('\n', example)).Domoticz!;

        Assert.Equal(DomoticzVia.Http, domoticz.Via);
        Assert.Equal(
            [(DomoticzDevice.P1, 12), (DomoticzDevice.Power, 13), (DomoticzDevice.VoltageL1, 14), (DomoticzDevice.VoltageL2, 15), (DomoticzDevice.VoltageL3, 16), (DomoticzDevice.Current, 17)],
            domoticz.Meters["house"].All.Select(d => (d.Key, d.Value)));
    }

    [Fact]
    public void Read_NoSection_MakesNoOutput()
    {
        Assert.Null(Read(OneMeter).Domoticz);
    }

    [Fact]
    public void Read_LoginOverPlainHttp_WarnsAboutDomoticzSetting()
    {
        var configuration = Read(OneMeter + "domoticz:\n  url: http://pi:8080\n  username: han\n  password: x\n  idx:\n    p1: 1\n");

        Assert.Contains(configuration.Warnings, w => w.Contains("Allow Basic-Auth authentication over plain HTTP", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(OneMeter + "domoticz:\n  via: http\n  idx:\n    p1: 1\n", "domoticz.url: missing; via http needs Domoticz' web address, as in http://pi:8080")]
    [InlineData(OneMeter + "domoticz:\n  url: pi:8080\n  idx:\n    p1: 1\n", "domoticz.url (han.yaml line 5): 'pi:8080' is not Domoticz' web address")]
    [InlineData(OneMeter + "domoticz:\n  via: zigbee\n  url: http://pi:8080\n  idx:\n    p1: 1\n", "domoticz.via (han.yaml line 5): 'zigbee' is not a way to Domoticz; use http")]
    [InlineData(OneMeter + "domoticz:\n  via: mqtt\n  idx:\n    p1: 1\n", "domoticz.via: mqtt sends through han's MQTT connection; configure mqtt.host")]
    [InlineData(OneMeter + "domoticz:\n  url: http://pi:8080\n", "domoticz: no device idx given")]
    [InlineData(OneMeter + "domoticz:\n  url: http://pi:8080\n  idx:\n    p1: twelve\n", "domoticz.idx.p1 (han.yaml line 7): 'twelve' is not a Domoticz idx: the number in the Idx column of Setup > Devices for the P1 Smart Meter (Electric) device")]
    [InlineData(OneMeter + "domoticz:\n  url: http://pi:8080\n  idx:\n    p1: 0\n", "'0' is not a Domoticz idx")]
    [InlineData(OneMeter + "domoticz:\n  url: http://pi:8080\n  idx:\n    voltage_l4: 1\n", "domoticz.idx.voltage_l4 (han.yaml line 7): unknown setting; did you mean idx:voltage_l1?")]
    [InlineData(OneMeter + "domoticz:\n  url: http://pi:8080\n  idx:\n    p1: 1\n    power: 1\n", "domoticz: idx 1 is given to house p1 and house power; each Domoticz device takes one kind of value")]
    [InlineData(OneMeter + "domoticz:\n  url: http://pi:8080\n  interval: 0\n  idx:\n    p1: 1\n", "domoticz.interval (han.yaml line 6): '0' is not the seconds between two updates of one Domoticz device: a whole number from 1 to 86400")]
    [InlineData(OneMeter + "domoticz:\n  url: http://pi:8080\n  username: han\n  idx:\n    p1: 1\n", "domoticz.username (han.yaml line 6): a username without a password")]
    [InlineData(OneMeter + "domoticz:\n  url: http://pi:8080\n  password: x\n  idx:\n    p1: 1\n", "a password without domoticz.username")]
    [InlineData(TwoMeters + "domoticz:\n  url: http://pi:8080\n  idx:\n    p1: 1\n", "domoticz.idx: with 2 meters, say whose devices these are: put them under domoticz.meters.<name> (house, cabin) instead")]
    [InlineData(TwoMeters + "domoticz:\n  url: http://pi:8080\n  meters:\n    garage:\n      p1: 1\n", "domoticz.meters.garage: there is no meter named garage; the meters are house, cabin")]
    [InlineData(TwoMeters + "domoticz:\n  url: http://pi:8080\n  meters:\n    house:\n      p2: 1\n", "domoticz.meters.house.p2 (han.yaml line 10): unknown setting; did you mean meters:house:p1?")]
    [InlineData(OneMeter + "domoticz:\n  via: mqtt\n  topic: domoticz/#\n  idx:\n    p1: 1\nmqtt:\n  host: broker\n", "domoticz.topic (han.yaml line 6): 'domoticz/#' is not a topic to publish on")]
    public void Read_BadSetting_NamesItAndWhatWouldBeValid(string yaml, string expected)
    {
        var problem = Assert.Throws<ConfigurationException>(() => Read(yaml));

        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("domoticz:\n  url: http://han:s3cret@pi:8080\n  idx:\n    p1: 12\n", "domoticz.url (han.yaml line 5): holds a user name or password, which would be shown wherever the address is; take them out and give domoticz.username and domoticz.password_file")]
    [InlineData("homeassistant:\n  statistics:\n    url: http://admin:s3cret@ha:8123\n    token: abc\n", "homeassistant.statistics.url (han.yaml line 6): holds a user name or password")]
    public void Read_AddressWithCredentials_IsRefusedWithoutShowingThem(string section, string expected)
    {
        var problem = Assert.Throws<ConfigurationException>(() => Read(OneMeter + section));

        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_TheOutput_SaysWhereWhenAndWhichDevices()
    {
        var domoticz = Read(OneMeter + "domoticz:\n  url: http://pi:8080\n  idx:\n    p1: 12\n    power: 13\n").Domoticz!;

        Assert.Equal("domoticz: http http://pi:8080/, each device at most every 10 s; house: p1 idx 12, power idx 13", domoticz.Describe());
    }

    private static RunConfiguration Read(string yaml)
    {
        var document = SettingsDocument.Load("/etc/han/han.yaml", new StringReader(yaml), []);
        return RunConfigurationReader.Read(document, file => file == "/etc/han/dz" ? "secret\n" : throw new FileNotFoundException(file), _ => true);
    }
}
