namespace Han.Readings.Profiles;

/// <summary>
/// Landis+Gyr E350 in Norway (EMBRIQ_V1_1): Aidon-style structures with scaler_unit
/// (norway-lists.md §6). Its clock is Norwegian local time like Aidon's.
/// </summary>
public static class LandisGyr
{
    public static MeterProfile Profile { get; } = new()
    {
        Name = "Landis+Gyr",
        Manufacturer = "Landis+Gyr",
        ListIdPrefixes = ["EMBRIQ_"],
        ClockDeviationIsReliable = false,
    };
}
