namespace Han.Protocol.Framing;

/// <summary>A frame or telegram a <see cref="StreamFrameReader{TFrame}"/> found in a stream.</summary>
public interface IStreamFrame
{
    /// <summary>Stream offset of the frame's first byte.</summary>
    long Offset { get; }
}
