namespace Han.Protocol.Dlms.Security;

/// <summary>
/// The security control byte of a ciphered APDU (Green Book fig. 29-31; protocol.md §4.3): bits 0-3
/// security suite, bit 4 authentication, bit 5 encryption, bit 6 broadcast key, bit 7 compression.
/// </summary>
public readonly record struct SecurityControl(byte Value)
{
    public int Suite => Value & 0x0F;

    public bool IsAuthenticated => (Value & 0x10) != 0;

    public bool IsEncrypted => (Value & 0x20) != 0;

    public bool IsCompressed => (Value & 0x80) != 0;

    public override string ToString() =>
        $"0x{Value:X2} (suite {Suite}{(IsAuthenticated ? ", authenticated" : string.Empty)}{(IsEncrypted ? ", encrypted" : string.Empty)}{(IsCompressed ? ", compressed" : string.Empty)})";
}
