using System.Globalization;
using Han.Integrations.Domoticz;

namespace Han.Integrations.Tests.Domoticz;

public sealed class DomoticzFormatTests
{
    [Fact]
    public void P1_Values_AreSixFieldsInTheDomoticzOrder()
    {
        Assert.Equal("85823280;0;1200;0;1247;0", DomoticzFormat.P1(85_823_280, 0, 1_200, 0, 1247m, 0m));
    }

    [Fact]
    public void P1_FractionalWatts_AreRoundedToWholeWatts()
    {
        // A current-transformer scale can make fractions; Domoticz reads CONS and PROD as integers.
        Assert.Equal("1;2;3;4;1250;0", DomoticzFormat.P1(1, 2, 3, 4, 1249.5m, 0.4m));
    }

    [Fact]
    public void InstantAndCounter_Values_AreWattsAndWattHours()
    {
        Assert.Equal("3825;85823280", DomoticzFormat.InstantAndCounter(3825m, 85_823_280));
    }

    [Fact]
    public void VoltageAndCurrent_NorwegianCulture_UseAPointAndFixedDecimals()
    {
        var before = CultureInfo.CurrentCulture;
        // A comma culture, as Norwegian is (built by hand: the tests run in globalization-invariant mode).
        // Domoticz' atof would read 230,1 as 230.
        var norwegian = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        norwegian.NumberFormat.NumberDecimalSeparator = ",";
        CultureInfo.CurrentCulture = norwegian;
        try
        {
            Assert.Equal("230.1", DomoticzFormat.Voltage(230.1m));
            Assert.Equal("236.0", DomoticzFormat.Voltage(236m));
            Assert.Equal("1.89", DomoticzFormat.Current(1.89m));
            Assert.Equal("1.06;9.95;0.00", DomoticzFormat.Currents(1.06m, 9.95m, 0m));
            Assert.Equal("1.30", DomoticzFormat.Current(1.3m));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Theory]
    [InlineData("85823.28", 85_823_280)]
    [InlineData("0.0009", 0)]
    [InlineData("12.3456", 12_345)]
    public void WattHours_KilowattHours_AreWholeWattHoursRoundedDown(string kilowattHours, long expected)
    {
        Assert.Equal(expected, DomoticzFormat.WattHours(decimal.Parse(kilowattHours, CultureInfo.InvariantCulture)));
    }
}
