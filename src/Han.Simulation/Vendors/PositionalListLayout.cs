using Han.Readings;
using Han.Simulation.Encoding;

namespace Han.Simulation.Vendors;

/// <summary>
/// Kaifa's layout (norway-lists.md §4): a structure of bare values whose meaning is their position, the
/// identity as octet-strings, every number a double-long-unsigned. A three-phase meter sends all three
/// currents and voltages (an IT meter's UL2 as 0), a single-phase meter L1 only.
/// </summary>
public sealed class PositionalListLayout : ListLayout
{
    protected override void Write(AxdrWriter writer, MeterReading reading, MeterVendor vendor)
    {
        if (IsPowerOnly(reading))
        {
            Number(writer.Structure(1), reading, ReadingField.ActivePowerImport, vendor);
            return;
        }

        var threePhase = reading.Has(ReadingField.CurrentL2) || reading.Has(ReadingField.VoltageL2)
            || reading.Has(ReadingField.CurrentL3) || reading.Has(ReadingField.VoltageL3);
        IReadOnlyList<ReadingField> measured = threePhase
            ? ListFields.Instantaneous
            : [.. ListFields.Powers, ReadingField.CurrentL1, ReadingField.VoltageL1];
        var hourly = IsHourly(reading);
        writer.Structure(3 + measured.Count + (hourly ? 1 + ListFields.Energies.Count : 0));
        writer.OctetString(System.Text.Encoding.ASCII.GetBytes(Required(reading.ListVersion, "list version")));
        writer.OctetString(MeterIdBytes(reading, vendor));
        writer.OctetString(System.Text.Encoding.ASCII.GetBytes(Required(reading.MeterType, "meter type")));
        foreach (var field in measured)
        {
            Number(writer, reading, field, vendor);
        }

        if (!hourly)
        {
            return;
        }

        writer.OctetString(CosemDateTimeWriter.Encode(vendor.Clock.Encode(Required(reading.MeterTime, "meter clock"))));
        foreach (var field in ListFields.Energies)
        {
            Number(writer, reading, field, vendor);
        }
    }

    private static void Number(AxdrWriter writer, MeterReading reading, ReadingField field, MeterVendor vendor) =>
        writer.DoubleLongUnsigned(WireInteger.DoubleLongUnsigned(RawValue.Of(reading, field, vendor.Scalers.Of(field)), field));
}
