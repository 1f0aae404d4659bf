namespace Han.Live.Fanout;

/// <summary>
/// What one meter's pipeline hands to its outputs: bytes as they arrived, readings as the live state
/// made them, and what happened on the line. Each carries the time it happened (UTC).
/// </summary>
public abstract record MeterEvent(string Meter, DateTimeOffset At);

/// <summary>Bytes as one read of the source delivered them (for a capture of the line).</summary>
public sealed record BytesReceived(string Meter, DateTimeOffset At, ReadOnlyMemory<byte> Bytes) : MeterEvent(Meter, At);

/// <summary>A reading, with the meter's identity so far and the live energy estimates.</summary>
public sealed record ReadingMade(string Meter, DateTimeOffset At, LiveReading Reading) : MeterEvent(Meter, At);

/// <summary>Something the source or the decoder said (connected, unplugged, a frame that did not decode).</summary>
public sealed record LineNote(string Meter, DateTimeOffset At, string Text, NoteLevel Level) : MeterEvent(Meter, At);

/// <summary>How much a note matters to whoever reads the log.</summary>
public enum NoteLevel
{
    Information,
    Warning,
    Error,
}
