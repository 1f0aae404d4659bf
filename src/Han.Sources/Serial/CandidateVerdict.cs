namespace Han.Sources.Serial;

/// <summary>What listening at one setting showed, from worst to best.</summary>
public enum CandidateVerdict
{
    /// <summary>Nothing arrived.</summary>
    Silent,

    /// <summary>Bytes arrived, but no frame or telegram with a good checksum.</summary>
    Noise,

    /// <summary>Good frames whose checks add up to too few bits to rule out chance (one HDLC frame without information field has only its 16-bit FCS).</summary>
    TooLittle,

    /// <summary>
    /// Good frames, but after the first one more than one frame failed its checksum for every five good
    /// ones: a neighbouring setting that reads some frames and not others, or a noisy line.
    /// </summary>
    Damaged,

    /// <summary>
    /// Good frames, but the UART flagged a parity or framing error on more than one character in twenty:
    /// the bytes come through although this is not the meter's setting.
    /// </summary>
    LineErrors,

    /// <summary>Good frames, cleanly: this setting reads the meter.</summary>
    Frames,
}
