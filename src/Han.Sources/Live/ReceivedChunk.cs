namespace Han.Sources.Live;

/// <summary>Bytes as one read of a live source delivered them, with the time they arrived (UTC).</summary>
/// <param name="AfterBreak">
/// True for the first bytes after the source lost its line and got it back (a new TCP connection, a
/// device opened again): they do not continue the bytes before, so a frame those ended inside of will
/// never be completed, and a decoder must not wait for its end.
/// </param>
/// <param name="WholeMessage">
/// True when the bytes are one whole message of a source that delivers messages rather than a stream
/// (an MQTT payload): the next chunk does not continue them, so a decoder must not wait for it to
/// finish a frame.
/// </param>
public readonly record struct ReceivedChunk(ReadOnlyMemory<byte> Bytes, DateTimeOffset ReceivedAt, bool AfterBreak = false, bool WholeMessage = false);
