namespace Han.Protocol.Framing;

/// <summary>Outcome of adding a frame to a segment assembler (HDLC segmentation, M-Bus CI segments).</summary>
public enum SegmentResult
{
    /// <summary>A whole APDU is ready.</summary>
    Complete,

    /// <summary>The frame was a segment; more are expected.</summary>
    Pending,

    /// <summary>The segments exceed the largest APDU a meter pushes (64 KiB); they were dropped.</summary>
    TooLong,

    /// <summary>
    /// A segment of an APDU whose first segment was not received (or was dropped as too long); it
    /// cannot be decoded and is dropped.
    /// </summary>
    Dropped,
}
