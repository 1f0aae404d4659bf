namespace Han.Sources.Serial;

/// <summary>How long line-setting detection listens at each setting, and when it may stop sooner.</summary>
/// <param name="Window">
/// Longest time to listen at one setting. Meters push every 1 s (DSMR 5), 2.5 s (Aidon list 1) or
/// 10 s (Kamstrup, DSMR 2.2 to 4) (protocol.md §7.3, norway-lists.md); the default of 12 s always holds
/// one whole frame of a 10 s meter, since the longest Norwegian list (Aidon list 3, 396 bytes) takes
/// 1.8 s at 2400 8E1.
/// </param>
/// <param name="FramesToStopEarly">Good frames in a row (none failed in between) after which a setting is judged at once.</param>
public sealed record LineDetectorOptions(TimeSpan Window, int FramesToStopEarly = 2)
{
    public static LineDetectorOptions Default { get; } = new(TimeSpan.FromSeconds(12));
}
