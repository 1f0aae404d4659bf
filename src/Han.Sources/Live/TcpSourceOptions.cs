namespace Han.Sources.Live;

/// <summary>How a TCP source treats its bridge (ser2net, socat, an ESP reader).</summary>
public sealed record TcpSourceOptions
{
    /// <summary>
    /// No bytes for this long means a hung bridge or a dead line: reconnect. Three times Kamstrup's 10 s
    /// cadence, the slowest regular push of a Norwegian meter (norway-lists.md §2).
    /// </summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan FirstRetry { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan LongestRetry { get; init; } = TimeSpan.FromMinutes(1);
}
