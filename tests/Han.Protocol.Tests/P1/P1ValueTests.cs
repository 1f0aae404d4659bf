using System.Text;
using Han.Protocol.Cosem;
using Han.Protocol.P1;

namespace Han.Protocol.Tests.P1;

public sealed class P1ValueTests
{
    [Theory]
    [InlineData("123456.789*kWh", 123456789L, -3, "kWh")]
    [InlineData("01.193*kW", 1193L, -3, "kW")]
    [InlineData("00005", 5L, 0, "")]
    [InlineData("0000.000*kVAr", 0L, -3, "kVAr")]
    [InlineData("-0.5*kvar", -5L, -1, "kvar")]
    [InlineData("00052185.7825309*kWh", 521857825309L, -7, "kWh")]
    [InlineData("999999999999999999", 999999999999999999L, 0, "")]
    [InlineData("240.860*GJ", 240860L, -3, "GJ")]
    public void TryParseNumber_WrittenNumber_IsExact(string text, long mantissa, int exponent, string unit)
    {
        Assert.True(P1Value.TryParseNumber(Encoding.ASCII.GetBytes(text), out var number));

        Assert.Equal(mantissa, number.Mantissa);
        Assert.Equal(exponent, number.Exponent);
        Assert.Equal(unit, Encoding.ASCII.GetString(number.Unit));
        Assert.Equal(unit.Length > 0, number.HasUnit);
    }

    [Theory]
    [InlineData("")]
    [InlineData("*kW")]
    [InlineData("12*")]
    [InlineData("abc")]
    [InlineData("1.2.3")]
    [InlineData("12 *kW")]
    [InlineData("12*k W")]
    [InlineData("161129200000W")]
    [InlineData("99999999999999999999")]
    [InlineData("0-0:96.7.19")]
    public void TryParseNumber_NotANumber_IsFalse(string text)
    {
        Assert.False(P1Value.TryParseNumber(Encoding.ASCII.GetBytes(text), out _));
    }

    [Theory]
    [InlineData("101209113020W", "2010-12-09T11:30:20", false)]
    [InlineData("200426223325S", "2020-04-26T22:33:25", true)]
    [InlineData("161107190000", "2016-11-07T19:00:00", null)] // DSMR 2.2: no S/W
    [InlineData("700101010000W", "1970-01-01T01:00:00", false)] // unused M-Bus channel
    [InlineData("20240111 09:35:00", "2024-01-11T09:35:00", null)] // NES 83335
    [InlineData("240229235959w", "2024-02-29T23:59:59", false)]
    public void TryParseTimestamp_WrittenTimestamp_IsTheWallClock(string text, string local, bool? daylightSaving)
    {
        Assert.True(P1Value.TryParseTimestamp(Encoding.ASCII.GetBytes(text), out var timestamp));

        Assert.Equal(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture), timestamp.Local);
        Assert.Equal(DateTimeKind.Unspecified, timestamp.Local.Kind);
        Assert.Equal(daylightSaving, timestamp.IsDaylightSaving);
    }

    [Theory]
    [InlineData("101309113020W")] // month 13
    [InlineData("230229000000W")] // 29 February in a common year
    [InlineData("101209243020W")] // hour 24
    [InlineData("101209113060W")] // second 60
    [InlineData("1012091130X0W")]
    [InlineData("101209113020X")]
    [InlineData("10120911302")]
    [InlineData("2024011109:35:00")]
    [InlineData("20240111 09-35-00")]
    [InlineData("")]
    public void TryParseTimestamp_NotATimestamp_IsFalse(string text)
    {
        Assert.False(P1Value.TryParseTimestamp(Encoding.ASCII.GetBytes(text), out _));
    }

    [Fact]
    public void ToCosemDateTime_SummerTime_SetsTheDaylightSavingBitAndLeavesTheDeviationOpen()
    {
        var summer = new P1Timestamp(new DateTime(2020, 4, 26, 22, 33, 25), true).ToCosemDateTime();
        var winter = new P1Timestamp(new DateTime(2010, 12, 9, 11, 30, 20), false).ToCosemDateTime();
        var unknown = new P1Timestamp(new DateTime(2016, 11, 7, 19, 0, 0), null).ToCosemDateTime();

        Assert.Equal(new CosemDateTime(2020, 4, 26, 7, 22, 33, 25, 0xFF, CosemDateTime.DeviationNotSpecified, 0x80), summer);
        Assert.Equal(0x00, winter.ClockStatus);
        Assert.Equal(4, winter.DayOfWeek); // a Thursday
        Assert.Equal(0xFF, unknown.ClockStatus);
        Assert.Null(summer.UtcOffset);
        Assert.True(summer.TryGetLocalTime(out var local));
        Assert.Equal(new DateTime(2020, 4, 26, 22, 33, 25), local);
    }

    [Theory]
    [InlineData("4B384547303034303436333935353037", "K8EG004046395507")]
    [InlineData("4b38", "K8")]
    [InlineData("", "")]
    public void TryDecodeHex_HexText_GivesTheBytes(string hex, string ascii)
    {
        var destination = new byte[hex.Length / 2];

        Assert.True(P1Value.TryDecodeHex(Encoding.ASCII.GetBytes(hex), destination, out var written));

        Assert.Equal(ascii, Encoding.ASCII.GetString(destination, 0, written));
    }

    [Theory]
    [InlineData("4B3")]
    [InlineData("4G")]
    [InlineData("3134<redacted>")]
    public void TryDecodeHex_NotHex_IsFalse(string text)
    {
        Assert.False(P1Value.TryDecodeHex(Encoding.ASCII.GetBytes(text), new byte[16], out _));
    }

    [Fact]
    public void TryDecodeHex_DestinationTooSmall_IsFalse()
    {
        Assert.False(P1Value.TryDecodeHex("4B38"u8, new byte[1], out _));
    }

    [Theory]
    [InlineData("1-0:1.8.1", "1.0.1.8.1.255")]
    [InlineData("0-0:96.1.1", "0.0.96.1.1.255")]
    [InlineData("0-1:24.2.1", "0.1.24.2.1.255")]
    [InlineData("1-0:1.8.0*255", "1.0.1.8.0.255")]
    [InlineData("0-0:96.1.255*255", "0.0.96.1.255.255")]
    [InlineData("1-0:1.8.1.7", "1.0.1.8.1.7")]
    public void TryParseReference_DsmrReference_IsTheObisCode(string text, string expected)
    {
        Assert.True(P1Reference.TryParse(Encoding.ASCII.GetBytes(text), out var code));

        Assert.Equal(expected, code.ToString());
    }

    [Theory]
    [InlineData("1-0:4:24.7.0")]
    [InlineData("1-0:1.8")]
    [InlineData("1-0:256.8.0")]
    [InlineData("1-0:1000.8.0")]
    [InlineData("1.8.0")]
    [InlineData("1-0:1.8.1 ")]
    [InlineData("1-0:1.8.1.2.3")]
    [InlineData("1-0:1.8.1*")]
    [InlineData("1-0:1*8.1")]
    [InlineData("F.F")]
    [InlineData("")]
    public void TryParseReference_NotAReference_IsFalse(string text)
    {
        Assert.False(P1Reference.TryParse(Encoding.ASCII.GetBytes(text), out _));
    }
}
