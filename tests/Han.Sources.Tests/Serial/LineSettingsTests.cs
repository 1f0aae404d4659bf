using Han.Sources.Serial;

namespace Han.Sources.Tests.Serial;

public sealed class LineSettingsTests
{
    [Theory]
    [InlineData("2400 8E1", 2400, 8, LineParity.Even, 1, 11)]
    [InlineData("2400 8n1", 2400, 8, LineParity.None, 1, 10)]
    [InlineData("115200,7E1", 115200, 7, LineParity.Even, 1, 10)]
    [InlineData(" 9600  8O2 ", 9600, 8, LineParity.Odd, 2, 12)]
    public void TryParse_WrittenAsInManuals_GivesTheSetting(string text, int baud, int dataBits, LineParity parity, int stopBits, int bitsPerByte)
    {
        Assert.True(LineSettings.TryParse(text, out var settings, out _));

        Assert.Equal(new LineSettings(baud, dataBits, parity, stopBits), settings);
        Assert.Equal(bitsPerByte, settings.BitsPerByte);
    }

    [Theory]
    [InlineData("2400", "write speed and frame as in '2400 8E1'")]
    [InlineData("2401 8E1", "'2401' is not a standard speed; use one of 300, 600, 1200, 2400")]
    [InlineData("2400 9E1", "'9E1' is not a frame setting")]
    [InlineData("2400 8X1", "'8X1' is not a frame setting")]
    [InlineData("2400 8E3", "'8E3' is not a frame setting")]
    public void TryParse_NotASetting_SaysWhatWouldBeValid(string text, string expected)
    {
        Assert.False(LineSettings.TryParse(text, out _, out var error));

        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_IsHowManualsWriteIt()
    {
        Assert.Equal("2400 8E1", new LineSettings(2400, 8, LineParity.Even, 1).ToString());
        Assert.Equal(TimeSpan.FromSeconds(11.0 / 2400), LineSettings.Parse("2400 8E1").ByteTime);
    }
}
