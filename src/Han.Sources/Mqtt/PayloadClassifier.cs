using System.Text;
using Han.Protocol;
using Han.Protocol.Axdr;
using Han.Protocol.Dlms;
using Han.Protocol.Hdlc;

namespace Han.Sources.Mqtt;

/// <summary>
/// Recognises what one MQTT payload is from its bytes (integrations.md §3) and turns it into what the
/// decoder reads: HDLC frames with both flags, or a P1 telegram's text. The order follows amshan's
/// (§3.1: P1 text, then HDLC with missing flags added, then hex text tried again, JSON ignored, the
/// rest as a bare APDU), extended by the forms it misses: a bare data element, frames inside a Tibber
/// Pulse envelope, the junk and <c>\r\0</c> line ends of some ESP P1 gateways (§3.5), and the Pulse's
/// <c>Debug:</c> echo. Pure: the source decides what to say about each form.
/// </summary>
public static class PayloadClassifier
{
    /// <summary>The first bytes of a Tibber Pulse batched envelope (§3.2).</summary>
    private static ReadOnlySpan<byte> PulseEnvelope => [0x08, 0xDC, 0xD9, 0x02];

    public static ClassifiedPayload Classify(ReadOnlySpan<byte> payload)
    {
        if (payload.Trim(" \t\r\n\0"u8).IsEmpty)
        {
            return ClassifiedPayload.Skipped(PayloadForm.Empty);
        }

        return IsText(payload) ? ClassifyText(payload) : ClassifyBinary(payload, fromHex: false);
    }

    private static ClassifiedPayload ClassifyText(ReadOnlySpan<byte> text)
    {
        var trimmed = text.Trim(" \t\r\n\0"u8);
        if (trimmed[0] is (byte)'{' or (byte)'[')
        {
            return ClassifiedPayload.Skipped(PayloadForm.Json);
        }

        if (trimmed.StartsWith("Debug:"u8))
        {
            return ClassifiedPayload.Skipped(PayloadForm.DebugText);
        }

        var slash = text.IndexOf((byte)'/');
        if (slash >= 0 && text[slash..].IndexOf((byte)'!') > 0)
        {
            return new ClassifiedPayload(PayloadForm.P1Telegram, Telegram(text[slash..]));
        }

        if (TryReadHex(trimmed, out var bytes))
        {
            return ClassifyBinary(bytes, fromHex: true);
        }

        return ClassifiedPayload.Skipped(PayloadForm.Unrecognised);
    }

    private static ClassifiedPayload ClassifyBinary(ReadOnlySpan<byte> bytes, bool fromHex)
    {
        if (!fromHex && bytes.TrimStart("\r\n"u8) is [(byte)'/', ..] telegram)
        {
            // A telegram with bytes no text has (a gateway's filler after it): amshan's first rule.
            return new ClassifiedPayload(PayloadForm.P1Telegram, Telegram(telegram));
        }

        var framed = fromHex ? PayloadForm.HdlcHex : PayloadForm.HdlcFrames;
        if (bytes[0] == HdlcFrame.Flag)
        {
            // The frame as sent, its closing flag added when the reader left it out.
            byte[] frame = bytes[^1] == HdlcFrame.Flag && bytes.Length > 1 ? bytes.ToArray() : [.. bytes, HdlcFrame.Flag];
            return new ClassifiedPayload(framed, frame);
        }

        if (IsFrameWithoutOpeningFlag(bytes))
        {
            byte[] flagged = bytes[^1] == HdlcFrame.Flag ? [HdlcFrame.Flag, .. bytes] : [HdlcFrame.Flag, .. bytes, HdlcFrame.Flag];
            return new ClassifiedPayload(framed, flagged);
        }

        var apdu = Llc.Strip(bytes);
        if (StartsWithApduTag(apdu))
        {
            return apdu.Length <= HdlcEnvelope.MaxApduLength
                ? new ClassifiedPayload(PayloadForm.Apdu, HdlcEnvelope.Wrap(apdu))
                : ClassifiedPayload.Skipped(PayloadForm.Unrecognised);
        }

        if (IsWholeDataElement(bytes) && bytes.Length <= HdlcEnvelope.MaxApduLength - NotificationHeader.Length)
        {
            return new ClassifiedPayload(PayloadForm.DataElement, HdlcEnvelope.Wrap([.. NotificationHeader, .. bytes]));
        }

        var frames = WholeFrameScan.Frames(bytes);
        if (frames.Length > 0)
        {
            return new ClassifiedPayload(PayloadForm.FramesInEnvelope, frames);
        }

        return ClassifiedPayload.Skipped(bytes.StartsWith(PulseEnvelope) ? PayloadForm.BatchedEnvelope : PayloadForm.Unrecognised);
    }

    /// <summary>
    /// A data-notification header without a date-time (tag 0F, invoke id 0, an empty octet string): what
    /// amsreader cut off before publishing the body (§3.3). The body then decodes as the meter's list.
    /// </summary>
    private static ReadOnlySpan<byte> NotificationHeader => [(byte)ApduTag.DataNotification, 0x00, 0x00, 0x00, 0x00, 0x00];

    /// <summary>A frame whose reader dropped the opening flag: its format byte's length counts the payload (less a closing flag).</summary>
    private static bool IsFrameWithoutOpeningFlag(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < HdlcFrame.MinLength || (bytes[0] & 0xF0) != 0xA0)
        {
            return false;
        }

        var length = ((bytes[0] & 0x07) << 8) | bytes[1];
        return length == bytes.Length || (length == bytes.Length - 1 && bytes[^1] == HdlcFrame.Flag);
    }

    private static bool StartsWithApduTag(ReadOnlySpan<byte> apdu) =>
        !apdu.IsEmpty && apdu[0] is (byte)ApduTag.DataNotification or (byte)ApduTag.GeneralGloCiphering
            or (byte)ApduTag.GeneralDedCiphering or (byte)ApduTag.GeneralBlockTransfer;

    /// <summary>A structure or array that is one A-XDR value ending exactly with the payload.</summary>
    private static bool IsWholeDataElement(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 3 || bytes[0] is not ((byte)DataType.Structure or (byte)DataType.Array))
        {
            return false;
        }

        try
        {
            var reader = new AxdrReader(bytes);
            reader.SkipValue();
            return reader.IsAtEnd;
        }
        catch (DecodeException)
        {
            return false;
        }
    }

    /// <summary>
    /// The telegram from its <c>/</c> on, with the <c>\r\0</c> line ends of some ESP gateways made
    /// <c>\r\n</c> again (the meter sent CR LF and its CRC covers them) and anything after the CRC line dropped.
    /// </summary>
    private static byte[] Telegram(ReadOnlySpan<byte> fromSlash)
    {
        var text = fromSlash.ToArray();
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] == 0 && text[i - 1] == (byte)'\r')
            {
                text[i] = (byte)'\n';
            }
        }

        var end = text.AsSpan().IndexOf((byte)'!');
        if (end < 0)
        {
            return text;
        }

        var lineEnd = text.AsSpan(end).IndexOf("\r\n"u8);
        return lineEnd < 0 ? [.. text, (byte)'\r', (byte)'\n'] : text[..(end + lineEnd + 2)];
    }

    /// <summary>Printable ASCII, whitespace and NUL only: no frame or APDU is that.</summary>
    private static bool IsText(ReadOnlySpan<byte> payload)
    {
        foreach (var b in payload)
        {
            if (b is not ((>= 0x20 and < 0x7F) or (byte)'\r' or (byte)'\n' or (byte)'\t' or 0))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Hex digits in pairs, upper or lower case, with any whitespace between them.</summary>
    private static bool TryReadHex(ReadOnlySpan<byte> text, out byte[] bytes)
    {
        bytes = [];
        var digits = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (Uri.IsHexDigit((char)c))
            {
                digits.Append((char)c);
            }
            else if (c is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        if (digits.Length < 2 || digits.Length % 2 != 0)
        {
            return false;
        }

        bytes = Convert.FromHexString(digits.ToString());
        return true;
    }
}
