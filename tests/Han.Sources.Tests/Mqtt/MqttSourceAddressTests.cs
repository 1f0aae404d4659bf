using Han.Sources.Live;
using Han.Sources.Mqtt;

namespace Han.Sources.Tests.Mqtt;

/// <summary>Reading <c>mqtt://[USER[:PASS]@]HOST[:PORT]/TOPIC</c>, and never showing its password.</summary>
public sealed class MqttSourceAddressTests
{
    [Fact]
    public void TryParse_FullAddress_ReadsEveryPart()
    {
        Assert.True(MqttSourceAddress.TryParse("mqtt://han:s3cret@broker.local:1884/ams/+/raw", out var address, out _));

        Assert.Equal(new MqttSourceAddress("broker.local", 1884, "ams/+/raw", Tls: false, "han", "s3cret"), address);
    }

    [Fact]
    public void TryParse_NoPortNoUser_UsesThePlainOrTlsDefaultPort()
    {
        Assert.True(MqttSourceAddress.TryParse("mqtt://10.0.0.5/pulse/publish", out var plain, out _));
        Assert.True(MqttSourceAddress.TryParse("mqtts://broker/pulse/#", out var tls, out _));

        Assert.Equal((1883, false, "pulse/publish", null), (plain.Port, plain.Tls, plain.Topic, plain.User));
        Assert.Equal((8883, true, "pulse/#"), (tls.Port, tls.Tls, tls.Topic));
    }

    [Fact]
    public void TryParse_EscapedCharactersInThePassword_AreUnescaped()
    {
        Assert.True(MqttSourceAddress.TryParse("mqtt://me:p%40ss%3Aw%2Fd@[::1]:1883/t", out var address, out _));

        Assert.Equal(("me", "p@ss:w/d", "::1"), (address.User, address.Password, address.Host));
    }

    [Fact]
    public void Display_WithPassword_ShowsStarsInstead()
    {
        Assert.True(MqttSourceAddress.TryParse("mqtt://han:s3cret@broker:1883/ams", out var address, out _));

        Assert.Equal("mqtt://han:***@broker:1883/ams", address.Display);
    }

    [Theory]
    [InlineData("mqtt://han:s3cret@broker", "names no topic")]
    [InlineData("mqtt://han:s3cret@broker/", "names no topic")]
    [InlineData("mqtt://han:s3cret@broker:99999/t", "no valid HOST[:PORT]")]
    [InlineData("mqtt://han:s3cret@/t", "no valid HOST[:PORT]")]
    [InlineData("mqtt://:s3cret@broker/t", "empty user name")]
    [InlineData("mqtt://han:s3cret@broker/ams/#/raw", "'#' other than as the whole last level")]
    [InlineData("mqtt://han:s3cret@broker/ams/x+/raw", "'+' other than as a whole level")]
    public void TryParse_BadAddress_SaysWhatIsWrongWithoutThePassword(string text, string problem)
    {
        Assert.False(MqttSourceAddress.TryParse(text, out _, out var error));

        Assert.Contains(problem, error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error, StringComparison.Ordinal);
    }

    [Fact]
    public void SourceAddressTryParse_MqttSource_IsKindMqttWithTheMaskedText()
    {
        Assert.True(SourceAddress.TryParse("mqtt://han:s3cret@broker/ams/raw", out var address, out _));

        Assert.Equal(SourceKind.Mqtt, address.Kind);
        Assert.Equal("mqtt://han:***@broker:1883/ams/raw", address.Text);
        Assert.Equal("s3cret", address.Mqtt!.Password);
    }

    [Theory]
    [InlineData("mqtt://u:pw@h/t", "mqtt://u:***@h/t")]
    [InlineData("mqtt://u@h/t", "mqtt://u@h/t")]
    [InlineData("mqtts://u:p:w@h:1", "mqtts://u:***@h:1")]
    [InlineData("/dev/ttyUSB0", "/dev/ttyUSB0")]
    public void Mask_AnyText_HidesOnlyThePassword(string text, string masked) =>
        Assert.Equal(masked, MqttSourceAddress.Mask(text));
}
