namespace Han.Sources.Replay;

/// <summary>A piece of a recording and when it is due, counted from the recording's start in the recording's own time.</summary>
public readonly record struct TimedPiece(ReadOnlyMemory<byte> Bytes, TimeSpan Due);
