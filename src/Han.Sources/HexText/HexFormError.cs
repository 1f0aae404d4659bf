using System.Globalization;

namespace Han.Sources.HexText;

/// <summary>The first thing a <see cref="HexFormReader"/> could not read: where, and why in words.</summary>
internal sealed record HexFormError(TextPosition Position, string Detail)
{
    /// <summary>The error as the stream throws it: "hex dump, line 3, column 12: ...".</summary>
    public InvalidDataException ToException(string form) => new($"{form}, {Position}: {Detail}");

    /// <summary>A character as a message shows it: itself when it can be seen, with its code point when it is not ASCII, and only its code point when it cannot be seen.</summary>
    public static string Describe(char c) =>
        c is > ' ' and < '\x7F' ? $"'{c}'"
        : char.IsControl(c) || char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.Surrogate ? $"the character U+{(int)c:X4}"
        : $"'{c}' (U+{(int)c:X4})";
}
