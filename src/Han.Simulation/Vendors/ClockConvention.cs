using Han.Protocol.Cosem;
using Han.Readings;
using Han.Simulation.Time;

namespace Han.Simulation.Vendors;

/// <summary>
/// How a vendor writes its clock (protocol.md §5.3, norway-lists.md §3-§5): always Norwegian local
/// wall time, hundredths not specified, and a deviation and status that differ by vendor.
/// </summary>
/// <param name="WritesDayOfWeek">False when the day of week is sent as 0 (Aidon list 3).</param>
/// <param name="Deviation">The deviation field as sent: 0 (Aidon), 0x8000 "not specified" (Kaifa, Kamstrup).</param>
/// <param name="FlagsDaylightSaving">True when status bit 7 marks summer time (Kamstrup; Kaifa and Aidon send 00 all year).</param>
/// <param name="InEveryList">True when every list carries the clock in its header (Kaifa, Kamstrup); false when only the hourly list has it (Aidon).</param>
/// <param name="HourlyShowsCaptureTime">True when the hourly list's clock is the full hour its registers were captured at (Aidon: 16:00:00); false when it is the time of sending (Kaifa 10:00:10, Kamstrup 16:00:05).</param>
public sealed record ClockConvention(bool WritesDayOfWeek, short Deviation, bool FlagsDaylightSaving, bool InEveryList, bool HourlyShowsCaptureTime)
{
    private const byte HundredthsNotSpecified = 0xFF;

    public CosemDateTime Encode(MeterClock clock)
    {
        var local = clock.Local;
        var dayOfWeek = WritesDayOfWeek ? (byte)(local.DayOfWeek == System.DayOfWeek.Sunday ? 7 : (int)local.DayOfWeek) : (byte)0;
        var summer = clock.Offset is { } offset && offset > NorwegianTime.StandardOffset;
        return new CosemDateTime(
            (ushort)local.Year,
            (byte)local.Month,
            (byte)local.Day,
            dayOfWeek,
            (byte)local.Hour,
            (byte)local.Minute,
            (byte)local.Second,
            HundredthsNotSpecified,
            Deviation,
            FlagsDaylightSaving && summer ? CosemDateTime.StatusDaylightSaving : (byte)0);
    }
}
