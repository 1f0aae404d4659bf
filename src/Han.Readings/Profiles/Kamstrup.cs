namespace Han.Readings.Profiles;

/// <summary>
/// Kamstrup Omnipower (Kamstrup_V0001): list id first, then OBIS/value pairs without scaler_unit.
/// Documented scaling (Kamstrup HAN-NVE interface description rev 3.1 §2.7-2.8): P and Q in W/var,
/// current 0.01 A, voltage 1 V, energy 10 Wh. Swedish meters send energy in Wh (norway-lists.md §5).
/// Danish firmware of 2025 sends voltages in 0.01 V (22199 for 221.99 V; amsreader frames
/// KamstrupOmnipower_Bornholm_DK_5digitVoltage_9sep25.log); such values are read at that resolution.
/// </summary>
public static class Kamstrup
{
    public static MeterProfile Profile { get; } = new()
    {
        Name = "Kamstrup",
        Manufacturer = "Kamstrup",
        ListIdPrefixes = ["Kamstrup_"],
        SystemTitlePrefixes = ["KAM"],
        Scaling = Scalings.Of(current: -2, energy: 1),
        AlternativeScalers = new Dictionary<Quantity, sbyte[]> { [Quantity.Voltage] = [-2] },
        ScalingByCountry = new Dictionary<string, IReadOnlyDictionary<Quantity, Protocol.Cosem.ScalerUnit>>
        {
            ["SE"] = Scalings.Of(current: -2, energy: 0),
        },
    };
}
