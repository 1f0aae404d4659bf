namespace Han.Sources.Serial;

/// <summary>How sure a line-setting detection is.</summary>
public enum LineDetectionCertainty
{
    /// <summary>No setting gave a frame or telegram with a good checksum.</summary>
    NotFound,

    /// <summary>The best setting found reads frames, but many fail their checksums.</summary>
    Unreliable,

    /// <summary>
    /// Frames with good checksums arrive at this setting, so han reads the meter correctly through this
    /// port. Without the port's parity and framing error counts, a setting of the same speed that
    /// differs only in its parity bit can deliver the very same bytes, so it may not be the meter's own.
    /// </summary>
    Readable,

    /// <summary>Frames with good checksums, and the port flagged no parity or framing errors: the meter's own setting.</summary>
    Confirmed,
}
