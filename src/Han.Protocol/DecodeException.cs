namespace Han.Protocol;

/// <summary>
/// A frame passed its checksum but its content does not decode. Carries the layer, the byte offset
/// (relative to the buffer handed to that layer; the pipeline adds the stream position) and the reason.
/// </summary>
#pragma warning disable CA1032 // A decode problem always has a layer, a reason and an offset; the parameterless forms would hide them.
public sealed class DecodeException : Exception
#pragma warning restore CA1032
{
    public DecodeException(DecodeLayer layer, DecodeError error, int offset, string detail)
        : base($"{layer.Name()}: {error.Name()} at byte {offset}: {detail}")
    {
        Layer = layer;
        Error = error;
        Offset = offset;
        Detail = detail;
    }

    public DecodeLayer Layer { get; }

    public DecodeError Error { get; }

    /// <summary>Byte offset within the buffer the failing layer was reading.</summary>
    public int Offset { get; }

    public string Detail { get; }
}
