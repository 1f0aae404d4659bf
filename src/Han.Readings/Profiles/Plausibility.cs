namespace Han.Readings.Profiles;

/// <summary>
/// What a household or CT meter can plausibly report, in schema units: used only to choose between a
/// profile's documented resolutions, never to drop a value.
/// </summary>
public static class Plausibility
{
    /// <summary>Phase or line voltages: at most a few hundred volts (0 V is real: IT nets send UL2 = 0).</summary>
    public const decimal MaxVoltage = 500m;

    public static bool IsPlausible(Quantity quantity, Measurement value) => quantity switch
    {
        Quantity.Voltage => value.Mantissa >= 0 && value.ToDecimal() <= MaxVoltage,
        _ => true,
    };
}
