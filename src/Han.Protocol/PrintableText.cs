using System.Buffers;
using System.Globalization;
using System.Text;

namespace Han.Protocol;

/// <summary>
/// Text from a meter made safe for a terminal or a text file. Meters send strings (visible-strings,
/// P1 groups) that may hold any byte; a human view that printed <c>ESC [2J</c> raw would clear the
/// user's screen, a CR or LF would forge output lines, and a bidirectional override would make the
/// terminal show characters in another order than they were sent. Every such character becomes a
/// visible escape:
/// <list type="bullet">
/// <item>C0 controls U+0000-U+001F (CR, LF and TAB included), DEL U+007F and C1 controls U+0080-U+009F
/// become <c>\xHH</c> (<c>\x1B</c>, <c>\x0A</c>, <c>\x9B</c>);</item>
/// <item>the bidirectional embeddings, overrides and isolates U+202A-U+202E and U+2066-U+2069, and the
/// line and paragraph separators U+2028 and U+2029 (which editors show as line breaks), become
/// <c>\uHHHH</c> (<c>\u202E</c>).</item>
/// </list>
/// The backslash itself is left as it is, on purpose: meter text uses it (the P1 identification
/// <c>/ISK5\2M550T-1012</c> is IEC 62056-21's <c>\W</c>), and a debugging view should show that text as
/// the meter wrote it. A literal backslash cannot harm a terminal, so the only cost is that
/// <c>\x1B</c> in a human view may, rarely, be four characters the meter sent; the JSON output keeps
/// every string exactly. It also makes escaping idempotent: escaped text escapes to itself, so a
/// value escaped by an annotator and again by a view is not doubled.
/// </summary>
public static class PrintableText
{
    private static readonly SearchValues<char> Unsafe = SearchValues.Create(UnsafeCharacters());

    /// <summary>The text with every unsafe character escaped; the same instance when there is none.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = text.AsSpan().IndexOfAny(Unsafe);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        builder.Append(text.AsSpan(0, first));
        foreach (var c in text.AsSpan(first))
        {
            if (!IsUnsafe(c))
            {
                builder.Append(c);
            }
            else if (c <= '\u00FF')
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}");
            }
            else
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
        }

        return builder.ToString();
    }

    /// <summary>True when <paramref name="text"/> holds a character <see cref="Escape"/> replaces.</summary>
    public static bool HasUnsafe(ReadOnlySpan<char> text) => text.IndexOfAny(Unsafe) >= 0;

    /// <summary>True for the characters <see cref="Escape"/> replaces.</summary>
    public static bool IsUnsafe(char c) => Unsafe.Contains(c);

    private static string UnsafeCharacters()
    {
        var characters = new StringBuilder();
        for (var c = '\0'; c <= '\u009F'; c++)
        {
            if (char.IsControl(c))
            {
                characters.Append(c);
            }
        }

        for (var c = '\u2028'; c <= '\u202E'; c++)
        {
            characters.Append(c);
        }

        for (var c = '\u2066'; c <= '\u2069'; c++)
        {
            characters.Append(c);
        }

        return characters.ToString();
    }
}
