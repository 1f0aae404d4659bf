namespace Han.Protocol.Framing;

/// <summary>
/// Bytes the frame reader skipped and why: <see cref="DecodeError.SkippedBytes"/> for bytes outside any
/// frame, or the reason a candidate frame starting at <see cref="Offset"/> was rejected.
/// <see cref="ByteCount"/> is how many bytes this event discarded (the rest of a rejected frame is
/// scanned again, since it may hold the start of a good frame).
/// </summary>
public readonly record struct FrameDiscard(DecodeError Reason, long Offset, int ByteCount, int DeclaredLength);
