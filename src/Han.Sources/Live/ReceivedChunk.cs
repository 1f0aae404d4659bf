namespace Han.Sources.Live;

/// <summary>Bytes as one read of a live source delivered them, with the time they arrived (UTC).</summary>
public readonly record struct ReceivedChunk(ReadOnlyMemory<byte> Bytes, DateTimeOffset ReceivedAt);
