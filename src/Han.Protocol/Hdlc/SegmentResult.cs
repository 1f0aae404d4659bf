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
}
