using Han.Live;
using Han.Readings;

namespace Han.Integrations.Domoticz;

/// <summary>
/// One meter's latest values as Domoticz' devices need them. A meter's lists carry different values
/// (list 1 only power, the hourly list the registers), so every value is kept from the last list that
/// carried it. The energy counters are the live estimate (DESIGN.md §1.1): the meter's exact register
/// as it arrives each hour, power integrated between, so the counters move every update rather than
/// jumping once an hour; <see cref="RisingCounter"/> keeps them from going back.
/// </summary>
public sealed class DomoticzMeterValues
{
    private readonly Dictionary<ReadingField, decimal> _latest = [];
    private readonly RisingCounter _import = new();
    private readonly RisingCounter _export = new();
    private readonly RisingCounter _importTariff1 = new();
    private readonly RisingCounter _importTariff2 = new();
    private readonly RisingCounter _exportTariff1 = new();
    private readonly RisingCounter _exportTariff2 = new();

    /// <summary>Takes one live reading's values.</summary>
    public void Add(LiveReading live)
    {
        ArgumentNullException.ThrowIfNull(live);
        foreach (var (field, value) in live.Reading.Values())
        {
            _latest[field] = value.ToDecimal();
        }

        Offer(_import, live.ImportEstimate ?? live.Reading[ReadingField.ActiveEnergyImport]);
        Offer(_export, live.ExportEstimate ?? live.Reading[ReadingField.ActiveEnergyExport]);
        Offer(_importTariff1, live.Reading[ReadingField.ActiveEnergyImportTariff1]);
        Offer(_importTariff2, live.Reading[ReadingField.ActiveEnergyImportTariff2]);
        Offer(_exportTariff1, live.Reading[ReadingField.ActiveEnergyExportTariff1]);
        Offer(_exportTariff2, live.Reading[ReadingField.ActiveEnergyExportTariff2]);
    }

    /// <summary>The device's update from the values so far, or null while a value it needs has not come yet.</summary>
    public DomoticzUpdate? Update(DomoticzDevice device, int idx)
    {
        var svalue = device switch
        {
            DomoticzDevice.P1 => P1(),
            DomoticzDevice.Power => InstantAndCounter(ReadingField.ActivePowerImport, _import),
            DomoticzDevice.PowerExport => InstantAndCounter(ReadingField.ActivePowerExport, _export),
            DomoticzDevice.VoltageL1 => Latest(ReadingField.VoltageL1) is { } v1 ? DomoticzFormat.Voltage(v1) : null,
            DomoticzDevice.VoltageL2 => Latest(ReadingField.VoltageL2) is { } v2 ? DomoticzFormat.Voltage(v2) : null,
            DomoticzDevice.VoltageL3 => Latest(ReadingField.VoltageL3) is { } v3 ? DomoticzFormat.Voltage(v3) : null,
            DomoticzDevice.Current => Currents(),
            DomoticzDevice.CurrentL1 => Latest(ReadingField.CurrentL1) is { } i1 ? DomoticzFormat.Current(i1) : null,
            DomoticzDevice.CurrentL2 => Latest(ReadingField.CurrentL2) is { } i2 ? DomoticzFormat.Current(i2) : null,
            DomoticzDevice.CurrentL3 => Latest(ReadingField.CurrentL3) is { } i3 ? DomoticzFormat.Current(i3) : null,
            _ => null,
        };
        return svalue is null ? null : new DomoticzUpdate(device, idx, 0, svalue);
    }

    private static void Offer(RisingCounter counter, decimal? kilowattHours)
    {
        if (kilowattHours is { } kwh)
        {
            counter.Offer(DomoticzFormat.WattHours(kwh));
        }
    }

    private decimal? Latest(ReadingField field) => _latest.TryGetValue(field, out var value) ? value : null;

    /// <summary>
    /// With the meter's tariff registers (DSMR meters send them, usually without a total) USAGE1/2 and
    /// RETURN1/2 are those exact registers; otherwise (the Nordic meters: one register per direction)
    /// USAGE1 and RETURN1 carry the total and USAGE2, RETURN2 stay 0, since Domoticz adds the two up.
    /// </summary>
    private string? P1()
    {
        if (Latest(ReadingField.ActivePowerImport) is not { } consumption)
        {
            return null;
        }

        var production = Latest(ReadingField.ActivePowerExport) ?? 0m; // a meter without export sends none
        if (_importTariff1.Value is not null || _importTariff2.Value is not null)
        {
            return DomoticzFormat.P1(
                _importTariff1.Value ?? 0, _importTariff2.Value ?? 0, _exportTariff1.Value ?? 0, _exportTariff2.Value ?? 0, consumption, production);
        }

        return _import.Value is { } usage ? DomoticzFormat.P1(usage, 0, _export.Value ?? 0, 0, consumption, production) : null;
    }

    /// <summary>Only with a counter: a kWh device in its default mode ("From device") would take a 0 as a reset.</summary>
    private string? InstantAndCounter(ReadingField power, RisingCounter counter) =>
        Latest(power) is { } watts && counter.Value is { } wattHours ? DomoticzFormat.InstantAndCounter(watts, wattHours) : null;

    /// <summary>A phase the meter does not measure (L2 on a three-phase meter in an IT grid) is sent as 0.</summary>
    private string? Currents() =>
        Latest(ReadingField.CurrentL1) is { } l1
            ? DomoticzFormat.Currents(l1, Latest(ReadingField.CurrentL2) ?? 0m, Latest(ReadingField.CurrentL3) ?? 0m)
            : null;
}
