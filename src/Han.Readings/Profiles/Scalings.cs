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

    /// <summary>
    /// A power factor sent without scaler is a ratio in 1, 0.01 or 0.001 (83, 941 and 1000 from Kamstrup
    /// and other meters mean 0.83, 0.941 and 1): every profile may read it at 0.01 or 0.001.
    /// </summary>
    public static IReadOnlyList<sbyte> RatioResolutions { get; } = [-2, -3];

    /// <summary>A profile's documented other resolutions per quantity, the power factor's always among them.</summary>
    public static Dictionary<Quantity, sbyte[]> Alternatives(sbyte[]? current = null, sbyte[]? voltage = null)
    {
        var alternatives = new Dictionary<Quantity, sbyte[]> { [Quantity.PowerFactor] = [.. RatioResolutions] };
        if (current is not null)
        {
            alternatives[Quantity.Current] = current;
        }

        if (voltage is not null)
        {
            alternatives[Quantity.Voltage] = voltage;
        }

        return alternatives;
    }
}
