namespace Han.Protocol;

/// <summary>The protocol layer a decoding problem belongs to; its JSON name is the lower-case member name.</summary>
public enum DecodeLayer
{
    Hdlc,
    MBus,
    P1,
    Dlms,
    Axdr,
    Profile,
}
