namespace Han.Sources.Serial;

/// <summary>
/// Bytes a serial line delivered, and how many characters the UART flagged with a parity error, a
/// framing error or a break since the previous chunk (0 when the probe cannot tell; see
/// <see cref="ILineProbe.CountsLineErrors"/>).
/// </summary>
public readonly record struct LineChunk(ReadOnlyMemory<byte> Bytes, int LineErrors = 0);
