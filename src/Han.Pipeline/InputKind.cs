namespace Han.Pipeline;

/// <summary>The outermost layer of an input, recognised from its first bytes (protocol.md §0).</summary>
public enum InputKind
{
    /// <summary>Not decided yet (no bytes seen).</summary>
    Unknown,

    /// <summary>A stream of HDLC frames, possibly with noise between them.</summary>
    HdlcStream,

    /// <summary>A stream of wired M-Bus long frames carrying DLMS (Austria, Poland).</summary>
    MBusStream,

    /// <summary>A stream of DSMR / IEC 62056-21 P1 text telegrams.</summary>
    P1Stream,

    /// <summary>One information field without HDLC: <c>E6 E7 00</c> and an APDU.</summary>
    LlcMessage,

    /// <summary>One bare DLMS APDU.</summary>
    ApduMessage,
}
