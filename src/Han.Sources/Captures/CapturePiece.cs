using Han.Sources.Live;

namespace Han.Sources.Captures;

/// <summary>
/// One data line of a capture: the bytes of one read with their recorded receive time, and whether a
/// recording session began before it (the first piece, or the first after a <c>recording</c> comment).
/// The time between sessions was not watched, so a replay does not wait through it.
/// </summary>
public readonly record struct CapturePiece(ReceivedChunk Chunk, bool StartsSession);
