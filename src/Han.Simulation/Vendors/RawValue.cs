using Han.Readings;

namespace Han.Simulation.Vendors;

/// <summary>
/// A reading's value as the integer that goes on the wire at a given scaler: the value in the schema
/// unit (kWh for energy) is brought to the base unit (Wh) and divided by 10^scaler. A value that is
/// not a whole number of the wire's resolution is a bug in whoever made the reading.
/// </summary>
public static class RawValue
{
    public static long Of(MeterReading reading, ReadingField field, sbyte scaler)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (!reading.TryGet(field, out var value))
        {
            throw new ArgumentException($"the list has no {ReadingFieldInfo.Of(field).Key}", nameof(field));
        }

        var shift = ReadingFieldInfo.Of(field).UnitShift - scaler;
        var raw = value.ToDecimal() * Pow10(shift);
        if (raw != decimal.Truncate(raw))
        {
            throw new ArgumentException($"{ReadingFieldInfo.Of(field).Key} {value} is not a whole number of 10^{scaler} {ReadingFieldInfo.Of(field).BaseUnit}", nameof(reading));
        }

        return (long)raw;
    }

    /// <summary>The value a wire integer stands for, in the schema unit, exactly.</summary>
    public static Measurement ToMeasurement(long raw, ReadingField field, sbyte scaler) =>
        new Measurement(raw, scaler - ReadingFieldInfo.Of(field).UnitShift).Normalized();

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < Math.Abs(exponent); i++)
        {
            result *= 10;
        }

        return exponent >= 0 ? result : 1 / result;
    }
}
