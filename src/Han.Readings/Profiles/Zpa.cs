namespace Han.Readings.Profiles;

/// <summary>
/// ZPA Smart Energy AM375 (PRE Distribuce, Prague): a flat positional list of 22 values without names
/// or scalers (PRE HAN datasheet, April 2026; a real meter in jktjkt/esphome-libs-dlms_parser
/// tests/expected/raw_zpa_am375_flat_predistribuce_20260924.h): list identifier (0-0:96.1.4, 12 bytes
/// like a date-time, "ZPA3HAN00200"; 17 NUL-padded bytes in the datasheet), clock, meter number, five
/// disconnector and relay states with the limiter, the tariff, then P+ total and per phase, P− total and
/// per phase, A+ total, T1, T2 and A− in W and Wh. Integer widths differ between the datasheet and the
/// meter, so positions hold any number. The clock deviation is sent as the offset from UTC (+120 in
/// Prague summer time), the reverse of the Blue Book's sign.
/// </summary>
public static class Zpa
{
    public static MeterProfile Profile { get; } = new()
    {
        Name = "ZPA",
        Manufacturer = "ZPA",
        ListIdPrefixes = ["ZPA"],
        SystemTitlePrefixes = ["ZPA"],
        ClockDeviationIsReversed = true,
        Scaling = Scalings.Of(energy: 0),
        Layouts =
        [
            new(
                (null, ValueKind.Text), // 0-0:96.1.4, the list identifier: list_version
                ("0-0:1.0.0.255", ValueKind.Time),
                ("0-0:96.1.1.255", ValueKind.Text),
                ("0-0:96.3.10.255", ValueKind.Number),
                ("0-0:17.0.0.255", ValueKind.Number),
                ("0-1:96.3.10.255", ValueKind.Number),
                ("0-2:96.3.10.255", ValueKind.Number),
                ("0-3:96.3.10.255", ValueKind.Number),
                ("0-4:96.3.10.255", ValueKind.Number),
                ("0-0:96.14.0.255", ValueKind.Text),
                ("1-0:1.7.0.255", ValueKind.Number),
                ("1-0:21.7.0.255", ValueKind.Number),
                ("1-0:41.7.0.255", ValueKind.Number),
                ("1-0:61.7.0.255", ValueKind.Number),
                ("1-0:2.7.0.255", ValueKind.Number),
                ("1-0:22.7.0.255", ValueKind.Number),
                ("1-0:42.7.0.255", ValueKind.Number),
                ("1-0:62.7.0.255", ValueKind.Number),
                ("1-0:1.8.0.255", ValueKind.Number),
                ("1-0:1.8.1.255", ValueKind.Number),
                ("1-0:1.8.2.255", ValueKind.Number),
                ("1-0:2.8.0.255", ValueKind.Number)),
        ],
    };
}
