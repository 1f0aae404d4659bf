namespace Han.Protocol.Framing;

/// <summary>What one call to a frame reader (HDLC, M-Bus, P1) produced.</summary>
public enum FrameReadStatus
{
    /// <summary>Not enough bytes to decide; call again with more (bytes may still have been consumed).</summary>
    NeedMoreData,

    /// <summary>A good frame.</summary>
    Frame,

    /// <summary>Bytes that are not part of a good frame were skipped; see the discard's reason.</summary>
    Discarded,
}
