using System.Globalization;
using System.Text;

namespace Han.Sources.HexText;

/// <summary>The first thing a <see cref="HexFormReader"/> could not read: where, and why in words.</summary>
internal sealed record HexFormError(TextPosition Position, string Detail)
{
    /// <summary>The error as the stream throws it: "hex dump, line 3, column 12: ...".</summary>
    public InvalidDataException ToException(string form) => new($"{form}, {Position}: {Detail}");

    /// <summary>
    /// A character (a whole code point: an emoji is one, not two UTF-16 halves) as a message shows it:
    /// itself when it can be seen, with its code point when it is not ASCII, and only its code point when
    /// it cannot be seen (controls, spaces, format characters, a lone half of a surrogate pair).
    /// </summary>
    public static string Describe(int codePoint)
    {
        if (codePoint is > ' ' and < '\x7F')
        {
            return $"'{(char)codePoint}'";
        }

        var code = $"U+{codePoint:X4}";
        return !Rune.IsValid(codePoint) || Rune.IsControl(new Rune(codePoint)) || Rune.IsWhiteSpace(new Rune(codePoint))
            || Rune.GetUnicodeCategory(new Rune(codePoint)) is UnicodeCategory.Format or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
            ? $"the character {code}"
            : $"'{new Rune(codePoint)}' ({code})";
    }
}
