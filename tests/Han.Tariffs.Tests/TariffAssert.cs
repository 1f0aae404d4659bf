using Han.Pricing;

namespace Han.Tariffs.Tests;

/// <summary>
/// Compares tariffs field by field: the model's records hold lists, whose record equality is by
/// reference, so two equal tariffs read twice would otherwise differ.
/// </summary>
internal static class TariffAssert
{
    public static void Equal(GridTariffPeriod expected, GridTariffPeriod actual)
    {
        var at = $"period from {expected.ValidFrom:yyyy-MM-dd}";
        Assert.Equal(expected.ValidFrom, actual.ValidFrom);
        Assert.Equal(expected.ValidTo, actual.ValidTo);
        Assert.Equal(expected.CustomerGroups.Order(), actual.CustomerGroups.Order());

        Assert.Equal(expected.Energy.BaseName, actual.Energy.BaseName);
        Assert.True(expected.Energy.BaseOrePerKwh == actual.Energy.BaseOrePerKwh, $"{at}: grunnpris {actual.Energy.BaseOrePerKwh}, expected {expected.Energy.BaseOrePerKwh}");
        Assert.Equal(expected.Energy.Rules.Count, actual.Energy.Rules.Count);
        foreach (var (want, got) in expected.Energy.Rules.Zip(actual.Energy.Rules))
        {
            Assert.Equal(want.Name, got.Name);
            Assert.True(want.OrePerKwh == got.OrePerKwh, $"{at}: {want.Name} {got.OrePerKwh}, expected {want.OrePerKwh}");
            Assert.Equal(want.Hours, got.Hours);
            Assert.Equal(want.Days, got.Days);
            Assert.Equal(want.Months, got.Months);
        }

        Assert.Equal(expected.Capacity.Method, actual.Capacity.Method);
        Assert.Equal(expected.Capacity.ThresholdIncluded, actual.Capacity.ThresholdIncluded);
        Assert.Equal(
            expected.Capacity.Steps.OrderBy(s => s.FromKwhPerHour).Select(s => $"{s.FromKwhPerHour:0.####}: {s.NokPerMonth:0.########}"),
            actual.Capacity.Steps.OrderBy(s => s.FromKwhPerHour).Select(s => $"{s.FromKwhPerHour:0.####}: {s.NokPerMonth:0.########}"));
    }
}
