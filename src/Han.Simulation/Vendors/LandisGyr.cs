using Han.Simulation.Encoding;

namespace Han.Simulation.Vendors;

/// <summary>
/// The Norwegian Landis+Gyr E350 (EMBRIQ_V1_1; norway-lists.md §6): Aidon's framing and layout, type
/// ZFF1, an 8-digit meter id padded to 16 bytes with NUL, currents 0.01 A, voltages 0.1 V, and on a
/// 3-wire connection IL2 and UL2 sent as 0. Only its list 2 has been captured; its cadence, its list 3
/// (clock and energy at 10 Wh, as Aidon's) and its single-phase and TN type strings are assumed to be
/// Aidon's and ZFF1's until a capture shows otherwise.
/// </summary>
public static class LandisGyr
{
    public static MeterVendor Vendor { get; } = Aidon.Vendor with
    {
        Key = "landisgyr",
        Manufacturer = "Landis+Gyr",
        ListId = "EMBRIQ_V1_1",
        Types = new MeterTypes("ZFF1", "ZFF1", "ZFF1"),
        IdPrefix = "1394",
        IdDigits = 8,
        IdFieldLength = 16,
        SystemTitlePrefix = "LGZ",
        Scalers = new Scalers(Current: -2, Voltage: -1, Energy: 1),
        ThreeWire = new ThreeWireRule(L2Current.Zero, L2VoltageIsLineL1L3: false),
    };
}
