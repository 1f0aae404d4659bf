using Han.Protocol.Axdr;
using Han.Protocol.Dlms;

namespace Han.Cli.Tests;

/// <summary>
/// A real data-notification with every text value replaced: visible- and utf8-strings, and the
/// octet-strings the decoder reads as text (printable ASCII; not an OBIS code or a date-time). The new
/// text goes out as a visible-string, or as a utf8-string when it holds characters beyond Latin-1 (the
/// only way a DLMS meter can send U+202E); the profiles take either where the meter sent text. An
/// octet-string with control characters would be shown as hex, never as text, so octet-strings become
/// visible-strings too: that way the text reaches the reading.
/// </summary>
internal static class DlmsTextRewriter
{
    public static byte[] Rewrite(byte[] apdu, string text)
    {
        var bodyOffset = DataNotification.Parse(apdu).BodyOffset;
        var body = apdu.AsSpan(bodyOffset);
        var output = new List<byte>(apdu[..bodyOffset]);
        var reader = new AxdrReader(body);
        var copied = 0;
        while (!reader.IsAtEnd)
        {
            var element = reader.Read();
            if (IsText(element))
            {
                output.AddRange(body[copied..element.Offset]);
                output.AddRange(Encode(text));
                copied = element.End;
            }
        }

        output.AddRange(body[copied..]);
        return [.. output];
    }

    private static bool IsText(in AxdrElement element) => element.Type switch
    {
        DataType.VisibleString or DataType.Utf8String => true,
        DataType.OctetString => !element.IsObisCode && !element.IsDateTime && IsPrintableAscii(element.Payload.TrimEnd((byte)0)),
        _ => false,
    };

    private static bool IsPrintableAscii(ReadOnlySpan<byte> bytes) =>
        !bytes.IsEmpty && bytes.IndexOfAnyExceptInRange((byte)' ', (byte)'~') < 0;

    private static byte[] Encode(string text)
    {
        var latin1 = MeterBytes.IsLatin1(text);
        var payload = latin1 ? MeterBytes.Of(text) : MeterBytes.Utf8(text);
        var tag = (byte)(latin1 ? DataType.VisibleString : DataType.Utf8String);
        byte[] length = payload.Length switch
        {
            < 0x80 => [(byte)payload.Length],
            <= 0xFF => [0x81, (byte)payload.Length],
            _ => [0x82, (byte)(payload.Length >> 8), (byte)payload.Length],
        };
        return [tag, .. length, .. payload];
    }
}
