using Han.Protocol;
using Han.Protocol.Axdr;
using Han.Protocol.Dlms;
using Han.Protocol.Dlms.Security;
using Han.Protocol.Hdlc;

namespace Han.Pipeline;

/// <summary>
/// Recognises an input that is one unframed message, as MQTT bridges forward them: an LLC information
/// field (<c>E6 E6|E7 00</c> and an APDU) or a bare APDU. Such a message has no checksum and no flag;
/// its length fields are its only check. So an input is taken for one only when the DLMS layer
/// accounts for every byte of it, the way a frame must pass its FCS: otherwise a stream whose first
/// byte happens to be <c>0F</c> or <c>DB</c> would pass for a broken message and lose every frame.
/// </summary>
internal static class LoneMessage
{
    /// <summary>The largest message taken whole (as for APDUs joined from segments).</summary>
    public const int MaxLength = HdlcSegmentAssembler.MaxApduLength;

    /// <summary>Whether <paramref name="input"/> begins as a lone message would: an LLC header or an APDU tag a meter pushes.</summary>
    public static bool StartsLikeOne(ReadOnlySpan<byte> input) => Llc.HasHeader(input) || StartsWithApduTag(input);

    /// <summary>
    /// <see cref="InputKind.LlcMessage"/> or <see cref="InputKind.ApduMessage"/> when the whole of
    /// <paramref name="input"/> is one such message; <see cref="InputKind.Unknown"/> otherwise.
    /// </summary>
    public static InputKind Recognise(ReadOnlySpan<byte> input)
    {
        if (LengthOf(input) < 0)
        {
            return InputKind.Unknown;
        }

        return Llc.HasHeader(input) ? InputKind.LlcMessage : InputKind.ApduMessage;
    }

    /// <summary>
    /// How many bytes of <paramref name="input"/> are the message: all of them, or all but a line end
    /// after it (<c>mosquitto_sub</c> and shell redirections add one to each payload); -1 when the input
    /// is not one whole message. A message whose own last byte is 0x0A stays whole: the whole input is
    /// tried first.
    /// </summary>
    public static int LengthOf(ReadOnlySpan<byte> input)
    {
        if (IsWhole(input))
        {
            return input.Length;
        }

        var lineEnd = input.EndsWith("\r\n"u8) ? 2 : input.EndsWith("\n"u8) ? 1 : 0;
        return lineEnd > 0 && IsWhole(input[..^lineEnd]) ? input.Length - lineEnd : -1;
    }

    private static bool IsWhole(ReadOnlySpan<byte> input)
    {
        if (input.Length > MaxLength || !StartsLikeOne(input))
        {
            return false;
        }

        var apdu = Llc.Strip(input);
        return StartsWithApduTag(apdu) && IsWholeApdu(apdu);
    }

    private static bool StartsWithApduTag(ReadOnlySpan<byte> apdu) =>
        !apdu.IsEmpty && apdu[0] is (byte)ApduTag.DataNotification or (byte)ApduTag.GeneralGloCiphering
            or (byte)ApduTag.GeneralDedCiphering or (byte)ApduTag.GeneralCiphering or (byte)ApduTag.GeneralBlockTransfer;

    /// <summary>
    /// The checks need no key and no meter profile: a data-notification's header and one A-XDR value
    /// that ends with the input; a ciphered APDU or a block whose length field matches the bytes that
    /// follow it. What the message then means (a reading, a missing key, an unknown layout) is for the
    /// decoder to report. A general-ciphering APDU (DD) is never whole here: han has no reader for its
    /// envelope, so it cannot tell one from noise.
    /// </summary>
    private static bool IsWholeApdu(ReadOnlySpan<byte> apdu)
    {
        try
        {
            switch ((ApduTag)apdu[0])
            {
                case ApduTag.DataNotification:
                    var notification = DataNotification.Parse(apdu);
                    if (CompactDescriptorList.TryRecognise(notification.Body, out _, out _))
                    {
                        return true;
                    }

                    var body = new AxdrReader(notification.Body);
                    body.SkipValue();
                    return body.IsAtEnd;
                case ApduTag.GeneralGloCiphering or ApduTag.GeneralDedCiphering:
                    CipheredApdu.Parse(apdu);
                    return true;
                case ApduTag.GeneralBlockTransfer:
                    GeneralBlockTransferBlock.Parse(apdu);
                    return true;
                default:
                    return false;
            }
        }
        catch (DecodeException)
        {
            // Cut short, bytes after it, or a value no meter sends: not one whole message.
            return false;
        }
    }
}
