namespace Han.Readings.Profiles;

/// <summary>
/// Aidon 6515/6525/6534/6540/6550 (AIDON_V0001; Swedish AIDON_H0001). Every register carries its
/// scaler_unit, so no implicit scaling. The list-3 clock is Norwegian local time with deviation 0,
/// which is not UTC (norway-lists.md §3), so the deviation is ignored.
/// </summary>
public static class Aidon
{
    public static MeterProfile Profile { get; } = new()
    {
        Name = "Aidon",
        Manufacturer = "Aidon",
        ListIdPrefixes = ["AIDON_"],
        SystemTitlePrefixes = ["ADN"],
        ClockDeviationIsReliable = false,
    };
}
