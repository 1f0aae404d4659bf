namespace Han.Storage;

/// <summary>Times are stored as Unix milliseconds (UTC): one integer, the same in both databases, and ordered.</summary>
internal static class StoreTime
{
    public static long ToStored(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromStored(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);

    /// <summary>The start of the minute <paramref name="time"/> falls in, in Unix milliseconds.</summary>
    public static long MinuteOf(DateTimeOffset time)
    {
        var milliseconds = ToStored(time);
        return milliseconds - (((milliseconds % 60_000) + 60_000) % 60_000);
    }
}
