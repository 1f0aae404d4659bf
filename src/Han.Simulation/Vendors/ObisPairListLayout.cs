using Han.Protocol.Cosem;
using Han.Readings;
using Han.Simulation.Encoding;

namespace Han.Simulation.Vendors;

/// <summary>
/// Kamstrup's layout (norway-lists.md §5): a structure whose first element is the list id without a
/// name, then <c>09 06 OBIS</c> / value pairs without scaler_unit, B group 1. Real single-phase meters
/// keep the three-phase positions and send each missing L2/L3 pair as two null-data elements (the
/// 0x19 and 0x23 lists of the corpus), not the shorter list of the interface description.
/// </summary>
public sealed class ObisPairListLayout : ListLayout
{
    private const byte Channel = 1;
    private static readonly ObisCode MeterId = new(1, 1, 0, 0, 5, 255);
    private static readonly ObisCode MeterType = new(1, 1, 96, 1, 1, 255);
    private static readonly ObisCode Clock = new(0, 1, 1, 0, 0, 255);

    /// <summary>Pairs in list 2: meter id, meter type, four powers, three currents, three voltages.</summary>
    private const int FullPairs = 2 + 4 + 3 + 3;

    protected override void Write(AxdrWriter writer, MeterReading reading, MeterVendor vendor)
    {
        if (IsPowerOnly(reading))
        {
            throw new ArgumentException("Kamstrup sends no power-only list (norway-lists.md §5)", nameof(reading));
        }

        var hourly = IsHourly(reading);
        writer.Structure(1 + (2 * (FullPairs + (hourly ? 1 + ListFields.Energies.Count : 0))));
        writer.VisibleString(Required(reading.ListVersion, "list version"));
        writer.Obis(MeterId).VisibleString(MeterIdBytes(reading, vendor));
        writer.Obis(MeterType).VisibleString(Required(reading.MeterType, "meter type"));
        foreach (var field in ListFields.Instantaneous)
        {
            if (!reading.Has(field))
            {
                writer.Null().Null();
                continue;
            }

            var raw = RawValue.Of(reading, field, vendor.Scalers.Of(field));
            writer.Obis(ListFields.Code(field, Channel));
            _ = ReadingFieldInfo.Of(field).Quantity == Quantity.Voltage
                ? writer.LongUnsigned(WireInteger.LongUnsigned(raw, field))
                : writer.DoubleLongUnsigned(WireInteger.DoubleLongUnsigned(raw, field));
        }

        if (!hourly)
        {
            return;
        }

        writer.Obis(Clock).OctetString(CosemDateTimeWriter.Encode(vendor.Clock.Encode(Required(reading.MeterTime, "meter clock"))));
        foreach (var field in ListFields.Energies)
        {
            writer.Obis(ListFields.Code(field, Channel))
                .DoubleLongUnsigned(WireInteger.DoubleLongUnsigned(RawValue.Of(reading, field, vendor.Scalers.Of(field)), field));
        }
    }
}
