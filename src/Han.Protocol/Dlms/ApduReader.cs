namespace Han.Protocol.Dlms;

/// <summary>Recognises the APDU a meter pushed and opens the ones this version can read.</summary>
public static class ApduReader
{
    /// <summary>
    /// Opens a data-notification; a ciphered APDU raises <see cref="DecodeError.Encrypted"/>, anything else
    /// <see cref="DecodeError.UnsupportedApdu"/>.
    /// </summary>
    public static DataNotification ReadNotification(ReadOnlySpan<byte> apdu)
    {
        if (apdu.IsEmpty)
        {
            throw new DecodeException(DecodeLayer.Dlms, DecodeError.UnexpectedEnd, 0, "empty APDU");
        }

        return (ApduTag)apdu[0] switch
        {
            ApduTag.DataNotification => DataNotification.Parse(apdu),
            ApduTag.GeneralGloCiphering or ApduTag.GeneralDedCiphering or ApduTag.GeneralCiphering =>
                throw new DecodeException(DecodeLayer.Dlms, DecodeError.Encrypted, 0, $"{Describe(apdu[0])} APDU: encrypted; a key is needed"),
            _ => throw new DecodeException(DecodeLayer.Dlms, DecodeError.UnsupportedApdu, 0, $"{Describe(apdu[0])} APDU is not a push this version can read"),
        };
    }

    /// <summary>The standard's name of an APDU tag, for messages and debugging views.</summary>
    public static string Describe(byte tag) => (ApduTag)tag switch
    {
        ApduTag.DataNotification => "data-notification",
        ApduTag.GeneralGloCiphering => "general-glo-ciphering",
        ApduTag.GeneralDedCiphering => "general-ded-ciphering",
        ApduTag.GeneralCiphering => "general-ciphering",
        ApduTag.GeneralSigning => "general-signing",
        ApduTag.GeneralBlockTransfer => "general-block-transfer",
        _ => $"tag 0x{tag:X2}",
    };
}
