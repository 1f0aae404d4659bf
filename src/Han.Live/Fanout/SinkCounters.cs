namespace Han.Live.Fanout;

/// <summary>
/// What happened to the events offered to one sink, so that nothing is lost silently: every offered
/// event ends up written, dropped because the queue was full, or failed in the sink.
/// </summary>
public sealed class SinkCounters
{
    private long _offered;
    private long _written;
    private long _dropped;
    private long _failed;

    public long Offered => Interlocked.Read(ref _offered);

    public long Written => Interlocked.Read(ref _written);

    /// <summary>Oldest events pushed out of a full queue.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Events the sink threw on (a full disk, a closed connection).</summary>
    public long Failed => Interlocked.Read(ref _failed);

    internal void CountOffered() => Interlocked.Increment(ref _offered);

    internal void CountWritten() => Interlocked.Increment(ref _written);

    internal void CountDropped() => Interlocked.Increment(ref _dropped);

    internal void CountFailed() => Interlocked.Increment(ref _failed);

    public override string ToString() => $"{Written} written, {Dropped} dropped (queue full), {Failed} failed";
}
