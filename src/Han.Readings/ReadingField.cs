namespace Han.Readings;

/// <summary>
/// The numeric keys of the reading schema (DESIGN.md §2.2), in output order. Names, units and
/// OBIS codes live in <see cref="ReadingFieldInfo"/> and <see cref="ObisMap"/>.
/// </summary>
public enum ReadingField
{
    ActivePowerImport,
    ActivePowerExport,
    ReactivePowerImport,
    ReactivePowerExport,
    ActivePowerImportL1,
    ActivePowerImportL2,
    ActivePowerImportL3,
    ActivePowerExportL1,
    ActivePowerExportL2,
    ActivePowerExportL3,
    ReactivePowerImportL1,
    ReactivePowerImportL2,
    ReactivePowerImportL3,
    ReactivePowerExportL1,
    ReactivePowerExportL2,
    ReactivePowerExportL3,
    CurrentL1,
    CurrentL2,
    CurrentL3,
    VoltageL1,
    VoltageL2,
    VoltageL3,
    PowerFactor,
    PowerFactorL1,
    PowerFactorL2,
    PowerFactorL3,
    Frequency,
    ActiveEnergyImport,
    ActiveEnergyExport,
    ReactiveEnergyImport,
    ReactiveEnergyExport,
    ActiveEnergyImportTariff1,
    ActiveEnergyImportTariff2,
    ActiveEnergyExportTariff1,
    ActiveEnergyExportTariff2,
}
