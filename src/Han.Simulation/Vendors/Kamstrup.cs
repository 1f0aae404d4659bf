using Han.Protocol.Cosem;
using Han.Simulation.Encoding;

namespace Han.Simulation.Vendors;

/// <summary>
/// Kamstrup Omnipower 686-11-11x (1-phase), 684-11-31x (4-wire, TN) and 684-11-21x (3-wire, IT), as
/// norway-lists.md §5 and the corpus show them: a full list every 10 s at xx:xx:x0, the hourly list at
/// xx:00:05 in addition; currents 0.01 A, whole volts, energy 10 Wh; the 3-wire meter sends all three
/// currents and the calculated U13 as UL2; the clock in every header (0C form, deviation 0x8000, status
/// 0x80 in summer as current firmware sends it).
/// </summary>
public static class Kamstrup
{
    public static MeterVendor Vendor { get; } = new()
    {
        Key = "kamstrup",
        Manufacturer = "Kamstrup",
        ListId = "Kamstrup_V0001",
        Types = new MeterTypes("6861111BN242101040", "6841131BN243101040", "6841121BN243101040"),
        IdPrefix = "5706567",
        SystemTitlePrefix = "KAM",
        Scalers = new Scalers(Current: -2, Voltage: 0, Energy: 1),
        ThreeWire = new ThreeWireRule(L2Current.Measured, L2VoltageIsLineL1L3: true),
        Cadence = new Cadence(PowerEvery: null, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), HourlyReplacesFull: false),
        Clock = new ClockConvention(WritesDayOfWeek: true, Deviation: CosemDateTime.DeviationNotSpecified, FlagsDaylightSaving: true, InEveryList: true, HourlyShowsCaptureTime: false),
        Addressing = HdlcAddressing.Kamstrup,
        InvokeIdAndPriority = 0,
        HeaderTime = HeaderTimeForm.Untagged,
        Layout = new ObisPairListLayout(),
    };
}
