namespace Han.Protocol.Dlms;

/// <summary>xDLMS APDU tags that a meter push can carry (Green Book §9; protocol.md §4.1).</summary>
#pragma warning disable CA1028 // The wire type is one byte.
public enum ApduTag : byte
#pragma warning restore CA1028
{
    DataNotification = 0x0F,
    GeneralGloCiphering = 0xDB,
    GeneralDedCiphering = 0xDC,
    GeneralCiphering = 0xDD,
    GeneralSigning = 0xDF,
    GeneralBlockTransfer = 0xE0,
}
