namespace Han.Pipeline;

/// <summary>The outermost layer of an input, recognised from the bytes (protocol.md §0; <see cref="InputDetector"/>).</summary>
public enum InputKind
{
    /// <summary>Not decided yet: no good frame so far, and the input has not ended (a lone message is only known at its end).</summary>
    Unknown,

    /// <summary>A stream of HDLC frames, possibly with noise between them.</summary>
    HdlcStream,

    /// <summary>A stream of wired M-Bus long frames carrying DLMS (Austria, Poland).</summary>
    MBusStream,

    /// <summary>A stream of DSMR / IEC 62056-21 P1 text telegrams.</summary>
    P1Stream,

    /// <summary>The whole input is one information field without HDLC: <c>E6 E7 00</c> and an APDU.</summary>
    LlcMessage,

    /// <summary>The whole input is one bare DLMS APDU.</summary>
    ApduMessage,
}
