namespace Han.Sources.HexText;

/// <summary>
/// The column of characters at the end of a dump line (xxd, <c>hexdump -C</c>, <c>od -t x1z</c>,
/// Format-Hex): each byte as itself when it is printable ASCII, '.' when it is a control byte, and as
/// the tool's locale shows it above 7F. It is no data (it may hold letters that look like hex, "cafe"),
/// but it shows the bytes in their order, which the digits of <c>xxd -e</c> (little-endian words) do
/// not: a column that fits the line only with each group's bytes reversed shows such a dump. A column
/// that fits neither order is no evidence of anything (the bytes may have been edited, the column
/// mangled by a paste), and neither is one that fits both (a line of control bytes, all '.').
/// </summary>
internal sealed class CharacterColumn
{
    private readonly char[] _chars = new char[DumpLine.MaxBytes + 2];
    private int _length;
    private bool _tooLong;

    public void Begin()
    {
        _length = 0;
        _tooLong = false;
    }

    public void Add(char c)
    {
        if (_length < _chars.Length)
        {
            _chars[_length++] = c;
        }
        else
        {
            _tooLong = true;
        }
    }

    /// <summary>
    /// Checks the column against the bytes of <paramref name="line"/>: null when it shows them in order or
    /// is no evidence; else why not, and whether that shows a dump of words (<paramref name="isWords"/>),
    /// which is refused whole. <paramref name="closing"/> is the mark that may end the column ('|' after
    /// hexdump's, '&lt;' after od's), or '\0'.
    /// </summary>
    public string? Check(DumpLine line, char closing, out bool isWords)
    {
        isWords = false;
        var shown = _chars.AsSpan(0, _length).TrimEnd(' ');
        if (closing != '\0' && shown.EndsWith(closing))
        {
            shown = shown[..^1];
        }

        if (_tooLong || !line.IsKept)
        {
            return null;
        }

        // A column shows one character a byte: more means some digits were taken for characters (xxd -e
        // pads a short last word on the left, so two spaces come before it, as before xxd's column).
        if (shown.Trim(' ').Length > line.Length)
        {
            return $"the character column holds {shown.Trim(' ').Length} characters, more than the {line.Length} bytes before it: some of it may be digits (xxd -e pads a short last word on the left), or this is no dump line";
        }

        isWords = !line.Bytes.IsEmpty && !Fits(shown, line.Bytes, line.GroupEnds, reversed: false) && Fits(shown, line.Bytes, line.GroupEnds, reversed: true);
        return isWords ? WordDump.OfColumn() : null;
    }

    /// <summary>
    /// True when <paramref name="shown"/> shows <paramref name="bytes"/>, in order or with each group
    /// reversed. Spaces around both are left out: xxd pads a short line's column, and a copy may lose a
    /// column's trailing spaces.
    /// </summary>
    private static bool Fits(ReadOnlySpan<char> shown, ReadOnlySpan<byte> bytes, ReadOnlySpan<int> groupEnds, bool reversed)
    {
        Span<byte> ordered = stackalloc byte[bytes.Length];
        bytes.CopyTo(ordered);
        if (reversed)
        {
            var start = 0;
            foreach (var end in groupEnds)
            {
                ordered[start..end].Reverse();
                start = end;
            }
        }

        ReadOnlySpan<byte> expected = ordered.Trim((byte)' ');
        shown = shown.Trim(' ');
        if (shown.Length != expected.Length)
        {
            return false;
        }

        for (var i = 0; i < expected.Length; i++)
        {
            var b = expected[i];
            if (b < 0x80 && shown[i] != (b is >= 0x20 and < 0x7F ? (char)b : '.'))
            {
                return false;
            }
        }

        return true;
    }
}
