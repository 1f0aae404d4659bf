using Han.Readings;

namespace Han.Live;

/// <summary>
/// A current-transformer meter measures through a CT and sends what its secondary side sees; the
/// household's power, current and energy are that times the CT ratio. Voltage, power factor and
/// frequency are not scaled. A new reading is made: the decoder's is left as the meter sent it.
/// </summary>
public static class CurrentTransformerScale
{
    public static MeterReading Apply(MeterReading reading, int factor)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1);
        if (factor == 1)
        {
            return reading;
        }

        var scaled = new MeterReading
        {
            MeterManufacturer = reading.MeterManufacturer,
            MeterId = reading.MeterId,
            MeterType = reading.MeterType,
            ListVersion = reading.ListVersion,
            MeterTime = reading.MeterTime,
            Received = reading.Received,
            Profile = reading.Profile,
            ListLength = reading.ListLength,
        };
        foreach (var (field, value) in reading.Values())
        {
            scaled.Set(field, IsScaled(field) ? value with { Mantissa = checked(value.Mantissa * factor) } : value);
        }

        foreach (var other in reading.Other)
        {
            scaled.AddOther(other);
        }

        foreach (var (index, value) in reading.Unnamed)
        {
            scaled.AddUnnamed(index, value);
        }

        foreach (var remark in reading.Remarks)
        {
            scaled.AddRemark(remark);
        }

        return scaled;
    }

    /// <summary>Quantities that flow through the transformer: powers, currents, energies.</summary>
    public static bool IsScaled(ReadingField field) =>
        field is not (ReadingField.VoltageL1 or ReadingField.VoltageL2 or ReadingField.VoltageL3
            or ReadingField.PowerFactor or ReadingField.PowerFactorL1 or ReadingField.PowerFactorL2 or ReadingField.PowerFactorL3
            or ReadingField.Frequency);
}
