using System.Text;

namespace Han.Cli.Tests;

/// <summary>
/// Text as a meter would put it on the wire in a byte-per-character string (a DLMS visible-string,
/// a P1 group): characters up to U+00FF as one byte each (Latin-1, as the decoder reads them), any
/// other character as its UTF-8 bytes.
/// </summary>
internal static class MeterBytes
{
    public static byte[] Of(string text)
    {
        var bytes = new List<byte>(text.Length);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value <= 0xFF)
            {
                bytes.Add((byte)rune.Value);
            }
            else
            {
                bytes.AddRange(utf8[..rune.EncodeToUtf8(utf8)]);
            }
        }

        return [.. bytes];
    }

    /// <summary>True when every character fits one Latin-1 byte.</summary>
    public static bool IsLatin1(string text) => text.All(c => c <= '\u00FF');

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
