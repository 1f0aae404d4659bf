namespace Han.Integrations.Mqtt;

/// <summary>
/// What became of the messages given to the MQTT connection, so that nothing is lost silently: each is
/// published (the broker acknowledged it, for QoS 1), dropped from a full queue while the broker was
/// away, unsent when han stopped before the broker had it, or failed (the broker refused it, as MQTT 5
/// says for a topic the user may not publish to). And how often han tried to reach the broker, and
/// with what success.
/// </summary>
public sealed class MqttCounters
{
    private long _published;
    private long _dropped;
    private long _unsent;
    private long _failed;
    private long _connections;
    private long _attempts;

    public long Published => Interlocked.Read(ref _published);

    /// <summary>Messages pushed out of the full queue (see <see cref="MqttOutbox"/> for which).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Messages still queued (or in flight without a PUBACK) when han stopped and its patience ran out.</summary>
    public long Unsent => Interlocked.Read(ref _unsent);

    /// <summary>Messages the broker refused; they are not sent again.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Successful connections so far (1 + reconnections).</summary>
    public long Connections => Interlocked.Read(ref _connections);

    /// <summary>Attempts to connect so far, successful or not.</summary>
    public long Attempts => Interlocked.Read(ref _attempts);

    internal void CountPublished() => Interlocked.Increment(ref _published);

    internal void CountDropped() => Interlocked.Increment(ref _dropped);

    internal void CountUnsent(int messages) => Interlocked.Add(ref _unsent, messages);

    internal void CountFailed() => Interlocked.Increment(ref _failed);

    internal void CountConnection() => Interlocked.Increment(ref _connections);

    internal void CountAttempt() => Interlocked.Increment(ref _attempts);

    /// <summary><c>8640 published, 0 dropped (queue full), 0 refused by the broker, 2 connections in 5 attempts</c>, and the unsent once there are any.</summary>
    public override string ToString() =>
        $"{Published} published, {Dropped} dropped (queue full), {(Unsent > 0 ? $"{Unsent} unsent when han stopped, " : string.Empty)}{Failed} refused by the broker, {Connections} connections in {Attempts} attempts";
}
