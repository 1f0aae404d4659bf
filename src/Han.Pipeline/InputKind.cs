namespace Han.Pipeline;

/// <summary>The outermost layer of an input, recognised from its first bytes (protocol.md §0).</summary>
public enum InputKind
{
    /// <summary>Not decided yet (no bytes seen).</summary>
    Unknown,

    /// <summary>A stream of HDLC frames, possibly with noise between them.</summary>
    HdlcStream,

    /// <summary>One information field without HDLC: <c>E6 E7 00</c> and an APDU.</summary>
    LlcMessage,

    /// <summary>One bare DLMS APDU.</summary>
    ApduMessage,
}
