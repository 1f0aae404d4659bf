using Han.Cli.Configuration;
using Han.Integrations.Mqtt;
using Han.TestCorpus.Servers;

namespace Han.Cli.Tests.Configuration;

/// <summary>The <c>mqtt:</c> section of <c>han run</c>'s configuration and <c>--mqtt</c>: defaults, every setting, and each bad one named with what would be valid.</summary>
public sealed class MqttConfigurationReaderTests
{
    private const string Meter = "meters:\n  - source: /dev/ttyUSB0\n";

    [Fact]
    public void Read_NoSection_HasNoMqtt()
    {
        Assert.Null(Read(Meter).Mqtt);
    }

    [Fact]
    public void Read_HostOnly_TakesTheDefaults()
    {
        var mqtt = Read(Meter + "mqtt:\n  host: broker.local\n").Mqtt!;

        Assert.Equal(new MqttConnectionOptions("broker.local", 1883, $"han-{System.Net.Dns.GetHostName()}", KeepAlive: TimeSpan.FromSeconds(30)), mqtt);
    }

    [Fact]
    public void Read_EverySetting_IsTaken()
    {
        var files = new Dictionary<string, string> { ["/etc/han/mqtt.password"] = "s3cret\n" };
        var mqtt = Read(
            Meter + "mqtt:\n  host: 192.168.1.10\n  port: 1884\n  client_id: han-house\n  username: han\n  password_file: /etc/han/mqtt.password\n"
                + "  protocol: 5\n  keepalive: 60\n  topic_prefix: home/han\n  queue_size: 500\n",
            file => files[file]).Mqtt!;

        Assert.Equal(new MqttConnectionOptions("192.168.1.10", 1884, "han-house", "han", "s3cret", null, MqttProtocol.V5, TimeSpan.FromSeconds(60), "home/han", 500), mqtt);
    }

    [Fact]
    public void Read_TlsWithTheTestCertificates_TakesThemAndDefaultsToPort8883()
    {
        var certificates = new TestCertificates(Directory.CreateTempSubdirectory("han-mqtt-config-").FullName);
        try
        {
            var mqtt = Read(
                Meter + $"mqtt:\n  host: broker.local\n  tls:\n    ca_file: {certificates.CaFile}\n    certificate_file: {certificates.ClientCertificateFile}\n    key_file: {certificates.ClientKeyFile}\n",
                File.ReadAllText).Mqtt!;

            Assert.Equal(8883, mqtt.Port);
            Assert.Equal(new MqttTls(certificates.CaFile, certificates.ClientCertificateFile, certificates.ClientKeyFile), mqtt.Tls);
        }
        finally
        {
            Directory.Delete(certificates.Folder, recursive: true);
        }
    }

    [Fact]
    public void Read_TlsTrue_TrustsTheSystemStore()
    {
        Assert.Equal(new MqttTls(), Read(Meter + "mqtt:\n  host: broker.local\n  tls: true\n").Mqtt!.Tls);
    }

    [Theory]
    [InlineData("mqtt:\n  port: 1883\n", "mqtt.host: missing; give the broker's name or address")]
    [InlineData("mqtt:\n  host: mqtt://broker.local\n", "mqtt.host (han.yaml line 4): 'mqtt://broker.local' is not a host name; give the broker's name or address alone")]
    [InlineData("mqtt:\n  host: broker\n  port: 70000\n", "mqtt.port (han.yaml line 5): '70000' is not a TCP port: a whole number from 1 to 65535")]
    [InlineData("mqtt:\n  host: broker\n  protocol: 4\n", "mqtt.protocol (han.yaml line 5): '4' is not an MQTT version han speaks; use \"3.1.1\" or \"5\"")]
    [InlineData("mqtt:\n  host: broker\n  keepalive: 1\n", "mqtt.keepalive (han.yaml line 5): '1' is not a keep-alive in seconds: a whole number from 5 to 65535")]
    [InlineData("mqtt:\n  host: broker\n  topic_prefix: han/#\n", "mqtt.topic_prefix (han.yaml line 5): 'han/#' is not a topic prefix")]
    [InlineData("mqtt:\n  host: broker\n  topic_prefix: han/\n", "mqtt.topic_prefix (han.yaml line 5): 'han/' is not a topic prefix")]
    [InlineData("mqtt:\n  host: broker\n  queue_size: 1\n", "mqtt.queue_size (han.yaml line 5): '1' is not the number of messages that may wait")]
    [InlineData("mqtt:\n  host: broker\n  password: x\n", "mqtt.password: given without mqtt.username")]
    [InlineData("mqtt:\n  host: broker\n  passwort: x\n", "mqtt.passwort (han.yaml line 5): unknown setting; did you mean password?")]
    [InlineData("mqtt:\n  host: broker\n  tls:\n    ca_file: /nonexistent/ca.crt\n", "mqtt.tls.ca_file (han.yaml line 6): '/nonexistent/ca.crt' cannot be read")]
    [InlineData("mqtt:\n  host: broker\n  tls:\n    key_file: /etc/han/key.pem\n", "mqtt.tls.key_file: given without mqtt.tls.certificate_file")]
    [InlineData("mqtt:\n  host: broker\n  tls: maybe\n", "mqtt.tls (han.yaml line 5): 'maybe' is not true or false")]
    public void Read_BadSetting_NamesItWithItsLineAndWhatWouldBeValid(string section, string expected)
    {
        var problem = Assert.Throws<ConfigurationException>(() => Read(Meter + section, file => file == "/etc/han/key.pem" ? "key" : throw new FileNotFoundException($"Could not find file '{file}'.")));

        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CaFileThatIsNoCertificate_SaysSo()
    {
        var problem = Assert.Throws<ConfigurationException>(() => Read(Meter + "mqtt:\n  host: broker\n  tls:\n    ca_file: /etc/han/ca.crt\n", _ => "not a certificate"));

        Assert.Contains("mqtt.tls.ca_file (han.yaml line 6): '/etc/han/ca.crt' holds no PEM certificate", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Password_NeverAppearsInAMessage()
    {
        var problem = Assert.Throws<ConfigurationException>(() => Read(Meter + "mqtt:\n  host: broker\n  password: hunter2\n  password_file: /etc/han/p\n"));

        Assert.Contains("mqtt.password and mqtt.password_file: give one of them, not both", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("broker.local", "broker.local", 1883)]
    [InlineData("broker.local:1884", "broker.local", 1884)]
    [InlineData("192.168.1.10:8883", "192.168.1.10", 8883)]
    [InlineData("[fd00::1]:1884", "fd00::1", 1884)]
    [InlineData("fd00::1", "fd00::1", 1883)]
    public void MqttOption_HostAndPort_OverridesTheFile(string option, string host, int port)
    {
        var mqtt = Read(Meter + "mqtt:\n  host: elsewhere\n  username: han\n", overrides: MqttOption.Settings(option)).Mqtt!;

        Assert.Equal(host, mqtt.Host);
        Assert.Equal(port, mqtt.Port);
        Assert.Equal("han", mqtt.Username);
    }

    [Fact]
    public void MqttOption_BadPort_NamesTheOption()
    {
        var problem = Assert.Throws<ConfigurationException>(() => Read(Meter, overrides: MqttOption.Settings("broker:x")));

        Assert.Contains("mqtt.port (the --mqtt option): 'x' is not a TCP port", problem.Message, StringComparison.Ordinal);
    }

    private static RunConfiguration Read(string yaml, Func<string, string>? readFile = null, IEnumerable<Setting>? overrides = null)
    {
        var document = SettingsDocument.Load("/etc/han/han.yaml", new StringReader(yaml), []);
        foreach (var setting in overrides ?? [])
        {
            document.Override(setting);
        }

        return RunConfigurationReader.Read(document, readFile ?? (file => throw new FileNotFoundException(file)), _ => true);
    }
}
