namespace Han.Protocol;

/// <summary>
/// What went wrong while decoding. Framing problems (line noise) are reported as events and counted;
/// the others are raised as <see cref="DecodeException"/> from a frame that passed its checksum.
/// The JSON name of each member is its snake_case form (see <see cref="DecodeErrorNames"/>).
/// </summary>
public enum DecodeError
{
    // Framing: line noise, counted and skipped.
    SkippedBytes,
    BadLength,
    BadAddress,
    BadHcs,
    BadFcs,
    MissingClosingFlag,
    Truncated,
    IncompleteSegments,
    SegmentedApduTooLong,

    // M-Bus long frames (EN 13757-2).
    BadChecksum,
    MissingStopByte,

    // DSMR / P1 telegrams.
    BadCrc,
    TelegramTooLong,
    InvalidLine,

    // DLMS.
    UnexpectedEnd,
    UnsupportedApdu,
    InvalidDateTime,
    TrailingBytes,
    BlockOutOfOrder,

    // DLMS security (AES-GCM).
    Encrypted,
    AuthenticationFailed,
    WrongKey,
    ReplayedFrameCounter,
    UnsupportedSecurity,

    // A-XDR.
    UnknownDataType,
    LengthOutOfRange,
    NestingTooDeep,

    // Profile: the list decoded but does not fit what its meter promises.
    UnexpectedElement,
    UnknownLayout,

    /// <summary>Values sent without scaler_unit that no documented resolution makes physically consistent.</summary>
    ImplausibleValues,
}
