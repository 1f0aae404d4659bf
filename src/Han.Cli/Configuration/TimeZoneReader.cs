namespace Han.Cli.Configuration;

/// <summary>
/// Reads a time zone setting (an IANA id such as Europe/Oslo). The zone names the hour a meter's clock
/// means and where days and months begin (DST days have 23 and 25 hours), so a wrong default on a host
/// set to UTC would shift every day: that is warned about.
/// </summary>
internal static class TimeZoneReader
{
    /// <summary>The top-level setting: the zone of the meters' clocks and of the history's days and months.</summary>
    public const string Path = "time_zone";

    /// <summary>
    /// The zone of <paramref name="path"/>; when not given, <paramref name="fallback"/>, or the system's (with
    /// a warning when that is UTC and <paramref name="warnOnUtc"/>). Null when the value is not a zone.
    /// </summary>
    public static TimeZoneInfo? Read(ConfigurationChecker check, string path, TimeZoneInfo? fallback = null, bool warnOnUtc = true)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (check.Get(path) is not { } setting)
        {
            if (fallback is not null)
            {
                return fallback;
            }

            if (warnOnUtc && TimeZoneInfo.Local.BaseUtcOffset == TimeSpan.Zero && !TimeZoneInfo.Local.SupportsDaylightSavingTime)
            {
                check.Warn($"{Setting.Display(path)}: not given, and this system's zone is UTC ({TimeZoneInfo.Local.Id}); meters keep local time, so give the meters' zone, as in {Path}: Europe/Oslo");
            }

            return TimeZoneInfo.Local;
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(setting.Value, out var zone))
        {
            check.Fail(setting, "is not a time zone this system knows; give an IANA zone, as in Europe/Oslo or Europe/Stockholm");
        }

        return zone;
    }
}
