using Han.Protocol.Cosem;

namespace Han.Readings.Tests;

public sealed class ObisMapTests
{
    [Theory]
    [InlineData("1-0:1.7.0.255", ReadingField.ActivePowerImport)]
    [InlineData("1-1:1.7.0.255", ReadingField.ActivePowerImport)]
    [InlineData("1-0:51.7.0.255", ReadingField.CurrentL2)]
    [InlineData("1-1:72.7.0.255", ReadingField.VoltageL3)]
    [InlineData("1-0:4.8.0.255", ReadingField.ReactiveEnergyExport)]
    [InlineData("1-0:1.8.2.255", ReadingField.ActiveEnergyImportTariff2)]
    [InlineData("1-0:33.7.0.255", ReadingField.PowerFactorL1)]
    [InlineData("1-0:14.7.0.255", ReadingField.Frequency)]
    public void TryGetField_KnownCode_MapsToTheSchema(string code, ReadingField expected)
    {
        Assert.True(ObisMap.TryGetField(ObisCode.Parse(code), out var field));
        Assert.Equal(expected, field);
    }

    [Theory]
    [InlineData("1-2:1.7.0.255")]
    [InlineData("1-0:1.7.0.0")]
    [InlineData("0-0:1.7.0.255")]
    [InlineData("1-0:99.7.0.255")]
    public void TryGetField_OtherCode_IsNotMapped(string code)
    {
        Assert.False(ObisMap.TryGetField(ObisCode.Parse(code), out _));
    }

    [Theory]
    [InlineData("1-1:0.2.129.255", ObisMap.Identity.ListVersion)]
    [InlineData("1-1:0.0.5.255", ObisMap.Identity.MeterId)]
    [InlineData("0-0:96.1.0.255", ObisMap.Identity.MeterId)]
    [InlineData("1-1:96.1.1.255", ObisMap.Identity.MeterType)]
    [InlineData("0-1:1.0.0.255", ObisMap.Identity.Clock)]
    public void TryGetIdentity_IdentityCode_IsRecognised(string code, ObisMap.Identity expected)
    {
        Assert.True(ObisMap.TryGetIdentity(ObisCode.Parse(code), out var identity));
        Assert.Equal(expected, identity);
    }

    [Fact]
    public void CodeOf_EveryField_RoundTrips()
    {
        foreach (var field in Enum.GetValues<ReadingField>())
        {
            Assert.True(ObisMap.TryGetField(ObisMap.CodeOf(field), out var back));
            Assert.Equal(field, back);
        }
    }
}
