using Han.Cli.Configuration;
using Han.Sources.Live;

namespace Han.Cli.Tests.Configuration;

/// <summary>A meter's <c>password</c> / <c>password_file</c> for its mqtt:// source: read, masked, and refused where it cannot apply.</summary>
public sealed class MqttSourcePasswordTests
{
    [Fact]
    public void Read_PasswordFileForAnMqttSource_GivesTheSourceItsPasswordAndShowsStars()
    {
        var configuration = Read(
            "meters:\n  - source: mqtt://han@broker/pulse/publish\n    password_file: /etc/han/mqtt.pw\n",
            file => file == "/etc/han/mqtt.pw" ? "s3cret\n" : throw new FileNotFoundException(file));

        var source = Assert.Single(configuration.Meters).Source;
        Assert.Equal(SourceKind.Mqtt, source.Kind);
        Assert.Equal(("han", "s3cret"), (source.Mqtt!.User, source.Mqtt.Password));
        Assert.Equal("mqtt://han:***@broker:1883/pulse/publish", source.Text);
    }

    [Theory]
    [InlineData("meters:\n  - source: /dev/ttyUSB0\n    password: s3cret\n", "meters[0].password (han.yaml line 3): only an mqtt:// source takes a password")]
    [InlineData("meters:\n  - source: mqtt://broker/t\n    password: s3cret\n", "meters[0].password (han.yaml line 3): the source names no user")]
    [InlineData("meters:\n  - source: mqtt://han:other@broker/t\n    password: s3cret\n", "meters[0].password (han.yaml line 3): the source already holds a password")]
    public void Read_PasswordWhereItCannotApply_SaysWhyWithoutShowingIt(string yaml, string expected)
    {
        var problem = Assert.Throws<ConfigurationException>(() => Read(yaml));

        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("other", problem.Message, StringComparison.Ordinal);
    }

    private static RunConfiguration Read(string yaml, Func<string, string>? readFile = null)
    {
        var document = SettingsDocument.Load("/etc/han/han.yaml", new StringReader(yaml), []);
        return RunConfigurationReader.Read(document, readFile ?? (file => throw new FileNotFoundException(file)), Directory.Exists);
    }
}
