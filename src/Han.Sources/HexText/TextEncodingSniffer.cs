using System.Buffers;
using System.Text;

namespace Han.Sources.HexText;

/// <summary>
/// Tells text from binary in the first bytes of an input, and which encoding the text is in: UTF-8
/// (with or without the byte-order mark Windows editors write) or UTF-16 little- or big-endian (with
/// or without a byte-order mark: Windows PowerShell writes UTF-16 with one, other tools without). A
/// binary capture from a meter is far from text: at least half its bytes are control bytes or not
/// UTF-8 (every frame carries lengths, addresses and checksums), so a handful of stray bytes in a text
/// still leave it text, to be reported where they stand.
/// </summary>
internal static class TextEncodingSniffer
{
    /// <summary>UTF-8 whose preamble is its byte-order mark (what is looked for), decoded without one.</summary>
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: true);

    /// <summary>Little- and big-endian UTF-16, each with the index of the high byte in a unit.</summary>
    private static readonly (Encoding Encoding, int HighByte)[] Utf16 = [(Encoding.Unicode, 1), (Encoding.BigEndianUnicode, 0)];

    /// <summary>The sample's text encoding and the length of its byte-order mark; null when it is binary.</summary>
    public static Encoding? Detect(ReadOnlySpan<byte> sample, out int preambleLength)
    {
        // A byte-order mark alone proves nothing: FF FE and FE FF are common bytes of a line read at the
        // wrong speed. The text after it must be text in that encoding.
        preambleLength = 0;
        if (sample.StartsWith(Utf8.Preamble) && IsUtf8Text(sample[Utf8.Preamble.Length..]))
        {
            preambleLength = Utf8.Preamble.Length;
            return Utf8;
        }

        foreach (var (encoding, highByte) in Utf16)
        {
            var preamble = encoding.Preamble;
            if (sample.StartsWith(preamble) && IsAsciiInUtf16(sample[preamble.Length..], highByte))
            {
                preambleLength = preamble.Length;
                return encoding;
            }

            if (IsAsciiInUtf16(sample, highByte))
            {
                return encoding;
            }
        }

        return IsUtf8Text(sample) ? Utf8 : null;
    }

    /// <summary>A byte of text: printable ASCII, tab, or a line break.</summary>
    private static bool IsAsciiText(byte b) => b is (>= 0x20 and < 0x7F) or (byte)'\t' or (byte)'\n' or (byte)'\r';

    /// <summary>At least 95% of the units are ASCII text with a zero high byte (so runs of 00 and FF, as a line at the wrong speed gives, are not).</summary>
    private static bool IsAsciiInUtf16(ReadOnlySpan<byte> sample, int highByte)
    {
        var units = sample.Length / 2;
        var ascii = 0;
        for (var i = 0; i < units; i++)
        {
            if (sample[(2 * i) + highByte] == 0 && IsAsciiText(sample[(2 * i) + 1 - highByte]))
            {
                ascii++;
            }
        }

        return units >= 2 && ascii * 20 >= units * 19;
    }

    /// <summary>At most 5% of the bytes are control bytes or not UTF-8 (a character cut by the sample's end does not count).</summary>
    private static bool IsUtf8Text(ReadOnlySpan<byte> sample)
    {
        var other = 0;
        for (var rest = sample; !rest.IsEmpty;)
        {
            var status = Rune.DecodeFromUtf8(rest, out var rune, out var consumed);
            if (status == OperationStatus.NeedMoreData)
            {
                break;
            }

            if (status != OperationStatus.Done || (rune.IsAscii && !IsAsciiText((byte)rune.Value)))
            {
                other += consumed;
            }

            rest = rest[consumed..];
        }

        return !sample.IsEmpty && other * 20 <= sample.Length;
    }
}
