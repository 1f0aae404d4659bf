namespace Han.Protocol;

/// <summary>
/// A frame passed its checksum but its content does not decode. Carries the layer, the byte offset
/// (relative to the buffer handed to that layer; the pipeline adds the stream position) and the reason.
/// </summary>
public sealed class DecodeException : Exception
{
    public DecodeException(DecodeLayer layer, DecodeError error, int offset, string detail)
        : base($"{layer.Name()}: {error.Name()} at byte {offset}: {detail}")
    {
        Layer = layer;
        Error = error;
        Offset = offset;
        Detail = detail;
    }

    public DecodeException()
        : this(DecodeLayer.Dlms, DecodeError.UnexpectedEnd, 0, "unknown")
    {
    }

    public DecodeException(string message)
        : this(DecodeLayer.Dlms, DecodeError.UnexpectedEnd, 0, message)
    {
    }

    public DecodeException(string message, Exception innerException)
        : base(message, innerException)
    {
        Detail = message;
    }

    public DecodeLayer Layer { get; }

    public DecodeError Error { get; }

    /// <summary>Byte offset within the buffer the failing layer was reading.</summary>
    public int Offset { get; }

    public string Detail { get; } = string.Empty;

    /// <summary>The same problem with its offset moved by <paramref name="delta"/> (when an outer layer knows where its buffer started).</summary>
    public DecodeException WithOffsetShift(int delta) => new(Layer, Error, Offset + delta, Detail);
}
