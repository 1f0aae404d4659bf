namespace Han.Protocol.Hdlc;

/// <summary>What one call to <see cref="HdlcFrameReader"/> produced.</summary>
public enum HdlcReadStatus
{
    /// <summary>Not enough bytes to decide; call again with more (bytes may still have been consumed).</summary>
    NeedMoreData,

    /// <summary>A good frame.</summary>
    Frame,

    /// <summary>Bytes that are not part of a good frame were skipped; see the discard's reason.</summary>
    Discarded,
}
