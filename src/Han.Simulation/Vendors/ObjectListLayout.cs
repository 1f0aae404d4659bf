using Han.Protocol.Cosem;
using Han.Readings;
using Han.Simulation.Encoding;

namespace Han.Simulation.Vendors;

/// <summary>
/// Aidon's layout, also sent by the Norwegian Landis+Gyr E350 (norway-lists.md §3, §6): an array of
/// structures, <c>02 02 OBIS string</c> for the identity and the clock, <c>02 03 OBIS value
/// scaler_unit</c> for every register. Values the meter does not measure are not pushed at all.
/// </summary>
public sealed class ObjectListLayout : ListLayout
{
    private static readonly ObisCode ListVersion = new(1, 1, 0, 2, 129, 255);
    private static readonly ObisCode MeterId = new(0, 0, 96, 1, 0, 255);
    private static readonly ObisCode MeterType = new(0, 0, 96, 1, 7, 255);
    private static readonly ObisCode Clock = new(0, 0, 1, 0, 0, 255);

    protected override void Write(AxdrWriter writer, MeterReading reading, MeterVendor vendor)
    {
        if (IsPowerOnly(reading))
        {
            Register(writer.Array(1), reading, ReadingField.ActivePowerImport, vendor);
            return;
        }

        var measured = ListFields.Instantaneous.Where(reading.Has).ToList();
        var hourly = IsHourly(reading);
        writer.Array(3 + measured.Count + (hourly ? 1 + ListFields.Energies.Count : 0));
        writer.Structure(2).Obis(ListVersion).VisibleString(Required(reading.ListVersion, "list version"));
        writer.Structure(2).Obis(MeterId).VisibleString(MeterIdBytes(reading, vendor));
        writer.Structure(2).Obis(MeterType).VisibleString(Required(reading.MeterType, "meter type"));
        foreach (var field in measured)
        {
            Register(writer, reading, field, vendor);
        }

        if (!hourly)
        {
            return;
        }

        var time = vendor.Clock.Encode(Required(reading.MeterTime, "meter clock"));
        writer.Structure(2).Obis(Clock).OctetString(CosemDateTimeWriter.Encode(time));
        foreach (var field in ListFields.Energies)
        {
            Register(writer, reading, field, vendor);
        }
    }

    private static void Register(AxdrWriter writer, MeterReading reading, ReadingField field, MeterVendor vendor)
    {
        var scaler = vendor.Scalers.Of(field);
        var raw = RawValue.Of(reading, field, scaler);
        writer.Structure(3).Obis(ListFields.Code(field, channel: 0));
        _ = ReadingFieldInfo.Of(field).Quantity switch
        {
            // Aidon's currents are signed: negative while the phase exports (norway-lists.md §3).
            Quantity.Current => writer.Long(WireInteger.Long(raw, field)),
            Quantity.Voltage => writer.LongUnsigned(WireInteger.LongUnsigned(raw, field)),
            _ => writer.DoubleLongUnsigned(WireInteger.DoubleLongUnsigned(raw, field)),
        };
        writer.ScalerUnit(scaler, ReadingFieldInfo.Of(field).BaseUnit);
    }
}
