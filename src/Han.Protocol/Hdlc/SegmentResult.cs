namespace Han.Protocol.Hdlc;

/// <summary>Outcome of adding a frame to <see cref="HdlcSegmentAssembler"/>.</summary>
public enum SegmentResult
{
    /// <summary>A whole APDU is ready.</summary>
    Complete,

    /// <summary>The frame was a segment; more are expected.</summary>
    Pending,

    /// <summary>The segments exceed <see cref="HdlcSegmentAssembler.MaxApduLength"/>; they were dropped.</summary>
    TooLong,

    /// <summary>
    /// A segment of an APDU whose first segment was not received (or was dropped as too long); it
    /// cannot be decoded and is dropped.
    /// </summary>
    Dropped,
}
