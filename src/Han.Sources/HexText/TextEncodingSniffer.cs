using System.Buffers;
using System.Text;

namespace Han.Sources.HexText;

/// <summary>
/// Tells text from binary in the first bytes of an input, and which encoding the text is in: UTF-8
/// (with or without the byte-order mark Windows editors write), UTF-16 little- or big-endian (with
/// or without a byte-order mark: Windows PowerShell writes UTF-16 with one, other tools without), or,
/// for hex text that is neither, a single-byte Windows encoding (a forum's no-break spaces saved by a
/// Windows editor as the byte A0), read as Latin-1. A binary capture from a meter is far from text: at
/// least half its bytes are control bytes or not UTF-8 (every frame carries lengths, addresses and
/// checksums), so a handful of stray bytes in a text still leave it text, to be reported where they stand.
/// </summary>
internal static class TextEncodingSniffer
{
    private static readonly byte[] Utf8Mark = [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// The encodings the text is read in, with no preamble of their own: the mark found here is skipped
    /// by the caller, so the reader must not skip a second one (a text that holds two marks has both
    /// skipped the same way in the trial and the stream, by <see cref="TextCursor"/>).
    /// </summary>
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Little- and big-endian UTF-16, each with its byte-order mark and the index of the high byte in a unit.</summary>
    private static readonly (Encoding Encoding, byte[] Mark, int HighByte)[] Utf16 =
        [(new UnicodeEncoding(bigEndian: false, byteOrderMark: false), [0xFF, 0xFE], 1), (new UnicodeEncoding(bigEndian: true, byteOrderMark: false), [0xFE, 0xFF], 0)];

    /// <summary>The sample's text encoding and the length of its byte-order mark; null when it is binary.</summary>
    public static Encoding? Detect(ReadOnlySpan<byte> sample, out int preambleLength)
    {
        // A byte-order mark alone proves nothing: FF FE and FE FF are common bytes of a line read at the
        // wrong speed. The text after it must be text in that encoding, or nothing (an empty file that
        // Notepad saved as UTF-8: the sample is the whole input, since it is read until 4 KiB or the end).
        preambleLength = 0;
        if (sample.StartsWith(Utf8Mark) && (sample.Length == Utf8Mark.Length || IsUtf8Text(sample[Utf8Mark.Length..])))
        {
            preambleLength = Utf8Mark.Length;
            return Utf8;
        }

        foreach (var (encoding, mark, highByte) in Utf16)
        {
            if (sample.StartsWith(mark) && IsAsciiInUtf16(sample[mark.Length..], highByte))
            {
                preambleLength = mark.Length;
                return encoding;
            }

            if (IsAsciiInUtf16(sample, highByte))
            {
                return encoding;
            }
        }

        return IsUtf8Text(sample) ? Utf8 : IsSingleByteHexText(sample) ? Encoding.Latin1 : null;
    }

    /// <summary>A byte of text: printable ASCII, tab, or a line break.</summary>
    private static bool IsAsciiText(byte b) => b is (>= 0x20 and < 0x7F) or (byte)'\t' or (byte)'\n' or (byte)'\r';

    /// <summary>A byte of hex text: a digit, or whitespace or a separator between bytes.</summary>
    private static bool IsHexTextByte(byte b) => char.IsAsciiHexDigit((char)b) || b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)',' or (byte)';' or (byte)':' or (byte)'-';

    /// <summary>
    /// At least 80% of the units are what hex text is made of (ASCII text, a forum's no-break space, a
    /// byte-order mark where two files were joined) and at least 95% that or what a dump's character
    /// column shows for a byte: a letter from A1 to FF, or U+FFFD, which PowerShell 7's Format-Hex shows
    /// for a control byte (a HAN frame has many). Runs of 00 and FF, as a line at the wrong speed gives
    /// (U+00FF in big-endian), are not.
    /// </summary>
    private static bool IsAsciiInUtf16(ReadOnlySpan<byte> sample, int highByte)
    {
        var units = sample.Length / 2;
        int hex = 0, letters = 0;
        for (var i = 0; i < units; i++)
        {
            var (high, low) = (sample[(2 * i) + highByte], sample[(2 * i) + 1 - highByte]);
            var isHexText = (high == 0 && (IsAsciiText(low) || low == 0xA0)) || (high, low) == (0xFE, 0xFF);
            hex += isHexText ? 1 : 0;
            letters += !isHexText && ((high == 0 && low > 0xA0) || (high, low) == (0xFF, 0xFD)) ? 1 : 0;
        }

        return units >= 2 && hex * 5 >= units * 4 && (hex + letters) * 20 >= units * 19;
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

    /// <summary>
    /// Hex text in a single-byte encoding: at most 5% control bytes (as for UTF-8), and at least half the
    /// bytes hex digits or separators. The bytes above 7F (no-break spaces, a stray letter) are read as
    /// Latin-1 and reported where they stand when they are no separator. Binary is far from this: in
    /// random bytes 1 in 8 is a control byte and 1 in 9 a digit or separator.
    /// </summary>
    private static bool IsSingleByteHexText(ReadOnlySpan<byte> sample)
    {
        int control = 0, hex = 0;
        foreach (var b in sample)
        {
            control += b < 0x80 && !IsAsciiText(b) ? 1 : 0;
            hex += IsHexTextByte(b) ? 1 : 0;
        }

        return !sample.IsEmpty && control * 20 <= sample.Length && hex * 2 >= sample.Length;
    }
}
