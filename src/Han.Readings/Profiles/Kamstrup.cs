namespace Han.Readings.Profiles;

/// <summary>
/// Kamstrup Omnipower (Kamstrup_V0001): list id first, then OBIS/value pairs without scaler_unit.
/// Documented scaling (Kamstrup HAN-NVE interface description rev 3.1 §2.7-2.8): P and Q in W/var,
/// current 0.01 A, voltage 1 V, energy 10 Wh. Swedish meters send energy in Wh (norway-lists.md §5).
/// Danish firmware of 2025 sends voltages in 0.01 V (22199 for 221.99 V; amsreader frames
/// KamstrupOmnipower_Bornholm_DK_5digitVoltage_9sep25.log), and Danish lists carry the power factor in
/// 0.01 (83 for 0.83; esphome-libs/dlms_parser tests/expected/hdlc_kamstrup_omnipower.h): the
/// consistent resolution is chosen by <see cref="ResolutionChooser"/>.
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
        AlternativeScalers = Scalings.Alternatives(voltage: [-2]),
        ScalingByCountry = new Dictionary<string, IReadOnlyDictionary<Quantity, Protocol.Cosem.ScalerUnit>>
        {
            ["SE"] = Scalings.Of(current: -2, energy: 0),
        },
    };
}
