namespace Han.Live.Fanout;

/// <summary>
/// An output of a meter's events: a log, a capture file, a JSON-lines file, later MQTT and storage.
/// Each runs behind its own bounded queue (<see cref="QueuedSink"/>), on its own task, so a slow or
/// failing sink never holds up decoding or another sink.
/// </summary>
public interface IMeterSink : IAsyncDisposable
{
    /// <summary>The sink's name in logs and counters: <c>json_lines /var/lib/han/house.jsonl</c>.</summary>
    string Name { get; }

    /// <summary>Whether the sink wants this kind of event; others are never queued for it.</summary>
    bool Accepts(MeterEvent item);

    /// <summary>Takes one event; may buffer. An exception counts the event as failed; the next one is tried.</summary>
    ValueTask WriteAsync(MeterEvent item, CancellationToken cancellationToken);

    /// <summary>Makes what was written so far durable (called when the queue runs empty, and at the end).</summary>
    ValueTask FlushAsync(CancellationToken cancellationToken);
}
