namespace Han.Integrations.Mqtt;

/// <summary>
/// What became of the messages given to the MQTT connection, so that nothing is lost silently: each is
/// published (the broker acknowledged it, for QoS 1), dropped from a full queue while the broker was
/// away, or failed (the broker refused it, as MQTT 5 says for a topic the user may not publish to).
/// </summary>
public sealed class MqttCounters
{
    private long _published;
    private long _dropped;
    private long _failed;
    private long _connections;

    public long Published => Interlocked.Read(ref _published);

    /// <summary>Messages pushed out of the full queue (see <see cref="MqttOutbox"/> for which).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Messages the broker refused; they are not sent again.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Successful connections so far (1 + reconnections).</summary>
    public long Connections => Interlocked.Read(ref _connections);

    internal void CountPublished() => Interlocked.Increment(ref _published);

    internal void CountDropped() => Interlocked.Increment(ref _dropped);

    internal void CountFailed() => Interlocked.Increment(ref _failed);

    internal void CountConnection() => Interlocked.Increment(ref _connections);

    public override string ToString() => $"{Published} published, {Dropped} dropped (queue full), {Failed} refused by the broker, {Connections} connections";
}
