namespace Han.Sources.Live;

/// <summary>Bytes as one read of a live source delivered them, with the time they arrived (UTC).</summary>
/// <param name="AfterBreak">
/// True for the first bytes after the source lost its line and got it back (a new TCP connection, a
/// device opened again): they do not continue the bytes before, so a frame those ended inside of will
/// never be completed, and a decoder must not wait for its end.
/// </param>
public readonly record struct ReceivedChunk(ReadOnlyMemory<byte> Bytes, DateTimeOffset ReceivedAt, bool AfterBreak = false);
