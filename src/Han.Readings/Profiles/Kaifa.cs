namespace Han.Readings.Profiles;

/// <summary>
/// Kaifa MA105/MA304 (KFM_001). Norwegian meters send bare values whose meaning is their position,
/// recognised by the list length (norway-lists.md §4): 1 (list 1), 9/13 (list 2, one/three phase),
/// 14/18 (list 3). Swedish meters send the same objects as OBIS/value pairs. No scaler_unit on the
/// wire: W, var, mA, 0.1 V, Wh (KFM_001 sheet; amshan kaifa.py).
/// </summary>
public static class Kaifa
{
    public static MeterProfile Profile { get; } = new()
    {
        Name = "Kaifa",
        Manufacturer = "Kaifa",
        ListIdPrefixes = ["KFM_", "KAIFA_"],
        SystemTitlePrefixes = ["KFM"],
        Scaling = Scalings.Of(current: -3, voltage: -1, energy: 0),
        Layouts = BuildLayouts(),
    };

    private static PositionalLayout[] BuildLayouts()
    {
        (string?, ValueKind)[] identity = [("1-1:0.2.129.255", ValueKind.Text), ("0-0:96.1.0.255", ValueKind.Text), ("0-0:96.1.7.255", ValueKind.Text)];
        (string?, ValueKind)[] powers = [("1-0:1.7.0.255", ValueKind.Number), ("1-0:2.7.0.255", ValueKind.Number), ("1-0:3.7.0.255", ValueKind.Number), ("1-0:4.7.0.255", ValueKind.Number)];
        (string?, ValueKind)[] onePhase = [("1-0:31.7.0.255", ValueKind.Number), ("1-0:32.7.0.255", ValueKind.Number)];
        (string?, ValueKind)[] threePhase =
        [
            ("1-0:31.7.0.255", ValueKind.Number), ("1-0:51.7.0.255", ValueKind.Number), ("1-0:71.7.0.255", ValueKind.Number),
            ("1-0:32.7.0.255", ValueKind.Number), ("1-0:52.7.0.255", ValueKind.Number), ("1-0:72.7.0.255", ValueKind.Number),
        ];
        (string?, ValueKind)[] hourly =
        [
            ("0-0:1.0.0.255", ValueKind.Time), ("1-0:1.8.0.255", ValueKind.Number), ("1-0:2.8.0.255", ValueKind.Number),
            ("1-0:3.8.0.255", ValueKind.Number), ("1-0:4.8.0.255", ValueKind.Number),
        ];
        return
        [
            new(powers[0]),
            new([.. identity, .. powers, .. onePhase]),
            new([.. identity, .. powers, .. threePhase]),
            new([.. identity, .. powers, .. onePhase, .. hourly]),
            new([.. identity, .. powers, .. threePhase, .. hourly]),
        ];
    }
}
