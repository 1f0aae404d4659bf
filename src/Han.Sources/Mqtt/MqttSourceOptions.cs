namespace Han.Sources.Mqtt;

/// <summary>How an MQTT source treats its broker.</summary>
public sealed record MqttSourceOptions
{
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often the client and the broker check on each other when nothing else is said: a broker
    /// that vanished without closing the connection is noticed within about one and a half of these.
    /// </summary>
    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan FirstRetry { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan LongestRetry { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Messages received but not yet decoded. A meter sends one list every 2-10 s, so this many is
    /// minutes of them; when the decoder falls that far behind, the broker waits for acknowledgements.
    /// </summary>
    public int InboxLimit { get; init; } = 1000;
}
