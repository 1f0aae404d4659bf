using Han.Protocol.Cosem;

namespace Han.Readings.Profiles;

/// <summary>Helpers to write scaling tables compactly.</summary>
internal static class Scalings
{
    public static Dictionary<Quantity, ScalerUnit> Of(
        sbyte power = 0,
        sbyte current = 0,
        sbyte voltage = 0,
        sbyte energy = 0,
        sbyte powerFactor = 0,
        sbyte frequency = 0) => new()
        {
            [Quantity.ActivePower] = new(power, CosemUnit.Watt),
            [Quantity.ReactivePower] = new(power, CosemUnit.Var),
            [Quantity.Current] = new(current, CosemUnit.Ampere),
            [Quantity.Voltage] = new(voltage, CosemUnit.Volt),
            [Quantity.ActiveEnergy] = new(energy, CosemUnit.WattHour),
            [Quantity.ReactiveEnergy] = new(energy, CosemUnit.VarHour),
            [Quantity.PowerFactor] = new(powerFactor, CosemUnit.Count),
            [Quantity.Frequency] = new(frequency, CosemUnit.Hertz),
        };
}
