using Han.Readings;
using Han.Simulation.Time;
using Han.Simulation.Vendors;

namespace Han.Simulation.Meters;

/// <summary>
/// Puts what the meter measured into the list it is due to send, with the values that list carries for
/// this vendor and connection, each rounded to the resolution the vendor sends it at (norway-lists.md
/// §3-§7): list 1 only active power import; list 2 the identity, four powers, and the currents and
/// voltages of the connection (an IT meter's L2 as its vendor reports it); list 3 also the clock and
/// the registers captured at the full hour.
/// </summary>
public sealed class ListComposer
{
    private readonly MeterVendor _vendor;
    private readonly int _phases;
    private readonly Grid _grid;
    private readonly MeterIdentity _identity;

    public ListComposer(MeterVendor vendor, int phases, Grid grid, MeterIdentity identity)
    {
        _vendor = vendor ?? throw new ArgumentNullException(nameof(vendor));
        _phases = phases;
        _grid = grid;
        _identity = identity ?? throw new ArgumentNullException(nameof(identity));
    }

    /// <param name="list">The list due.</param>
    /// <param name="values">What the meter measures now.</param>
    /// <param name="power">The same powers in whole watts and vars.</param>
    /// <param name="captured">The registers at the last full hour (used by list 3).</param>
    public MeterReading Compose(ScheduledList list, MeterValues values, MeasuredPower power, EnergyRegisters captured)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(captured);
        var reading = new MeterReading { MeterManufacturer = _vendor.Manufacturer };
        reading.Set(ReadingField.ActivePowerImport, new Measurement(power.ActiveImport, 0));
        var hourly = list.Kind == ListKind.Hourly;
        if (_vendor.Clock.InEveryList || hourly)
        {
            var shown = hourly && _vendor.Clock.HourlyShowsCaptureTime ? list.Time - _vendor.Cadence.HourlyAt : list.Time;
            var local = NorwegianTime.ToLocal(shown);
            reading.MeterTime = new MeterClock(local.DateTime, local.Offset);
        }

        if (list.Kind == ListKind.Power)
        {
            return reading;
        }

        reading.ListVersion = _vendor.ListId;
        reading.MeterId = _identity.Id;
        reading.MeterType = _identity.Type;
        reading.Set(ReadingField.ActivePowerExport, new Measurement(power.ActiveExport, 0));
        reading.Set(ReadingField.ReactivePowerImport, new Measurement(power.ReactiveImport, 0));
        reading.Set(ReadingField.ReactivePowerExport, new Measurement(power.ReactiveExport, 0));
        AddPhases(reading, values);
        if (hourly)
        {
            for (var register = 0; register < ListFields.Energies.Count; register++)
            {
                var field = ListFields.Energies[register];
                var scaler = _vendor.Scalers.Of(field);
                reading.Set(field, RawValue.ToMeasurement(captured.Register(register, scaler), field, scaler));
            }
        }

        return reading;
    }

    private void AddPhases(MeterReading reading, MeterValues values)
    {
        var elements = _phases == 1 ? 1 : 3;
        for (var phase = 0; phase < elements; phase++)
        {
            var current = ListFields.Currents[phase];
            var voltage = ListFields.Voltages[phase];
            var threeWireL2 = elements == 3 && _grid == Grid.It && phase == 1;
            if (!threeWireL2)
            {
                Set(reading, current, values.Currents[phase]);
                Set(reading, voltage, values.Voltages[phase]);
                continue;
            }

            switch (_vendor.ThreeWire.L2Current)
            {
                case L2Current.Measured:
                    Set(reading, current, values.Currents[phase]);
                    break;
                case L2Current.Zero:
                    Set(reading, current, 0);
                    break;
            }

            Set(reading, voltage, _vendor.ThreeWire.L2VoltageIsLineL1L3 ? values.Voltages[phase] : 0);
        }
    }

    /// <summary>A current or voltage rounded to the vendor's resolution; currents unsigned unless the vendor signs them.</summary>
    private void Set(MeterReading reading, ReadingField field, double value)
    {
        var scaler = _vendor.Scalers.Of(field);
        if (!_vendor.SignsCurrents)
        {
            value = Math.Abs(value);
        }

        // Powers of ten by multiplication: exact, and the same on every platform (Math.Pow need not be).
        var factor = 1.0;
        for (var i = 0; i < Math.Abs(scaler); i++)
        {
            factor *= 10;
        }

        var raw = (long)Math.Round(scaler <= 0 ? value * factor : value / factor, MidpointRounding.AwayFromZero);
        reading.Set(field, RawValue.ToMeasurement(raw, field, scaler));
    }
}
