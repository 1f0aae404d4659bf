using Han.Protocol.Cosem;

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
        Scaling = Scalings.Of(current: -3, voltage: -1, energy: 0),
        Layouts = BuildLayouts(),
    };

    private static Dictionary<int, ObisCode[]> BuildLayouts()
    {
        ObisCode[] identity = [Code("1-1:0.2.129.255"), Code("0-0:96.1.0.255"), Code("0-0:96.1.7.255")];
        ObisCode[] powers = [Code("1-0:1.7.0.255"), Code("1-0:2.7.0.255"), Code("1-0:3.7.0.255"), Code("1-0:4.7.0.255")];
        ObisCode[] onePhase = [Code("1-0:31.7.0.255"), Code("1-0:32.7.0.255")];
        ObisCode[] threePhase =
        [
            Code("1-0:31.7.0.255"), Code("1-0:51.7.0.255"), Code("1-0:71.7.0.255"),
            Code("1-0:32.7.0.255"), Code("1-0:52.7.0.255"), Code("1-0:72.7.0.255"),
        ];
        ObisCode[] hourly = [Code("0-0:1.0.0.255"), Code("1-0:1.8.0.255"), Code("1-0:2.8.0.255"), Code("1-0:3.8.0.255"), Code("1-0:4.8.0.255")];
        return new Dictionary<int, ObisCode[]>
        {
            [1] = [powers[0]],
            [9] = [.. identity, .. powers, .. onePhase],
            [13] = [.. identity, .. powers, .. threePhase],
            [14] = [.. identity, .. powers, .. onePhase, .. hourly],
            [18] = [.. identity, .. powers, .. threePhase, .. hourly],
        };
    }

    private static ObisCode Code(string text) => ObisCode.Parse(text);
}
