using Han.Protocol.Cosem;

namespace Han.Readings.Tests;

/// <summary>The schema names and units are a contract (DESIGN.md §2.2).</summary>
public sealed class ReadingFieldInfoTests
{
    [Theory]
    [InlineData(ReadingField.ActivePowerImport, "active_power_import", "W")]
    [InlineData(ReadingField.ReactivePowerExportL3, "reactive_power_export_l3", "var")]
    [InlineData(ReadingField.CurrentL2, "current_l2", "A")]
    [InlineData(ReadingField.VoltageL1, "voltage_l1", "V")]
    [InlineData(ReadingField.PowerFactorL1, "power_factor_l1", "")]
    [InlineData(ReadingField.Frequency, "frequency", "Hz")]
    [InlineData(ReadingField.ActiveEnergyImport, "active_energy_import", "kWh")]
    [InlineData(ReadingField.ReactiveEnergyExport, "reactive_energy_export", "kvarh")]
    [InlineData(ReadingField.ActiveEnergyExportTariff2, "active_energy_export_tariff2", "kWh")]
    public void Of_Field_HasTheSchemaKeyAndUnit(ReadingField field, string key, string unit)
    {
        var info = ReadingFieldInfo.Of(field);

        Assert.Equal(key, info.Key);
        Assert.Equal(unit, info.UnitSymbol);
    }

    [Fact]
    public void Fields_EnergyIsWattHoursShiftedByThree()
    {
        var energy = ReadingFieldInfo.Of(ReadingField.ActiveEnergyImport);

        Assert.Equal(CosemUnit.WattHour, energy.BaseUnit);
        Assert.Equal(3, energy.UnitShift);
    }

    [Fact]
    public void Fields_AllKeysAreDistinctAndFitTheReading()
    {
        var keys = ReadingFieldInfo.Fields.Select(f => f.Key).ToList();

        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.True(ReadingFieldInfo.Count <= MeterReading.MaxFields);
    }
}
