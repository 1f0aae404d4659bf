namespace Han.Integrations.HomeAssistant;

/// <summary>
/// Where and how han imports the exact hourly energy into Home Assistant's long-term statistics (the
/// <c>homeassistant: statistics:</c> section).
/// </summary>
/// <param name="WebSocketUrl">Home Assistant's WebSocket API: <c>ws://host:8123/api/websocket</c> (or wss://).</param>
/// <param name="Token">A long-lived access token of an administrator (importing statistics is admin-only).</param>
/// <param name="TimeZone">The zone of the meters' clocks, which decides the hour a register closes.</param>
public sealed record HomeAssistantStatisticsOptions(Uri WebSocketUrl, string Token, TimeZoneInfo TimeZone)
{
    /// <summary>The first wait before connecting again; it doubles after each failure up to <see cref="RetryAtMost"/>.</summary>
    public TimeSpan RetryFirst { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan RetryAtMost { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long an answer may take before the connection counts as broken.</summary>
    public TimeSpan AnswerPatience { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many hours of one statistic wait while Home Assistant is away (two months); the oldest go first.</summary>
    public int QueueHours { get; init; } = 1464;

    /// <summary>Hides the token in logs and <c>han run --check</c>.</summary>
    public override string ToString() => $"{nameof(HomeAssistantStatisticsOptions)} {{ WebSocketUrl = {WebSocketUrl}, TimeZone = {TimeZone.Id} }}";
}
