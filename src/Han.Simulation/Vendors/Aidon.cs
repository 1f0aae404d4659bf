using Han.Simulation.Encoding;

namespace Han.Simulation.Vendors;

/// <summary>
/// Aidon 6515 (1-phase), 6534 (3-phase 4-wire, TN) and 6525 (3-phase 3-wire, IT), as norway-lists.md §3
/// and the corpus captures show them: list 1 every 2.5 s, list 2 every 10 s, list 3 at hh:00:10 in place
/// of that list 2; currents signed in 0.1 A, voltages 0.1 V, energy 10 Wh; the 6525 pushes no IL2 and
/// line voltages L1-L2, L1-L3, L2-L3; the list-3 clock is the full hour, day of week 0, deviation 0.
/// </summary>
public static class Aidon
{
    public static MeterVendor Vendor { get; } = new()
    {
        Key = "aidon",
        Manufacturer = "Aidon",
        ListId = "AIDON_V0001",
        Types = new MeterTypes("6515", "6534", "6525"),
        IdPrefix = "735999",
        SystemTitlePrefix = "ADN",
        Scalers = new Scalers(Current: -1, Voltage: -1, Energy: 1),
        ThreeWire = new ThreeWireRule(L2Current.Omitted, L2VoltageIsLineL1L3: true),
        Cadence = new Cadence(TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10), HourlyReplacesFull: true),
        Clock = new ClockConvention(WritesDayOfWeek: false, Deviation: 0, FlagsDaylightSaving: false, InEveryList: false, HourlyShowsCaptureTime: true),
        Addressing = HdlcAddressing.Aidon,
        InvokeIdAndPriority = 0x4000_0000,
        HeaderTime = HeaderTimeForm.Empty,
        SignsCurrents = true,
        Layout = new ObjectListLayout(),
    };
}
