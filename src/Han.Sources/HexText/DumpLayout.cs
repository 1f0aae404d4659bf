namespace Han.Sources.HexText;

/// <summary>
/// Which tool's layout a dump has, learnt from its first line, and what every line must then agree with.
/// xxd puts ':' after its offsets, groups any whole number of bytes (<c>-g</c>), and starts its
/// character column after two spaces. <c>hexdump -C</c>, <c>hd</c> and od write each byte as a group
/// of its own and mark the column with '|' or '&gt;'; a group of 4, 8 or 16 digits there is a word
/// (<see cref="WordDump"/>). Windows' Format-Hex writes each byte alone too, and starts its column right
/// after a full line's bytes (one space on), or after a wider gap on a short last line. It is known by
/// the header that numbers its byte columns (<see cref="ColumnHeader"/>), or, in rows copied without
/// it, by an offset no other tool writes: 16 digits (PowerShell 7) or 3 spaces after it (Windows
/// PowerShell 5.1; xxd writes ':' and 1 space, hexdump 2, od 1).
/// </summary>
internal sealed class DumpLayout(ColumnHeader header)
{
    /// <summary>Format-Hex writes 16 bytes a line, in every PowerShell.</summary>
    private const int FormatHexWidth = 16;

    /// <summary>PowerShell 7's Format-Hex writes its offsets with 16 digits, the others' tools with at most 8 (od 7).</summary>
    private const int FormatHexOffsetDigits = 16;

    /// <summary>Windows PowerShell 5.1's Format-Hex puts 3 spaces after its 8-digit offsets.</summary>
    private const int FormatHexSpacesAfterOffset = 3;

    /// <summary>How many bytes a full line of Format-Hex holds; 0 when this is no Format-Hex dump (or not known yet).</summary>
    private int _formatHexWidth = header.Width;

    /// <summary>True for xxd's layout, false for the others, null until the first line with bytes.</summary>
    public bool? IsXxd { get; private set; }

    /// <summary>True when the dump came with Format-Hex's header.</summary>
    public bool HasHeader => header.Width > 0;

    /// <summary>True for Format-Hex's layout, with its header or known by its first offset.</summary>
    public bool IsFormatHex => _formatHexWidth > 0;

    /// <summary>
    /// The line's first group follows its offset of <paramref name="offsetDigits"/>, with ':' or not and
    /// <paramref name="spacesAfterOffset"/> spaces: null when that agrees with the first line, else why
    /// not. The first line decides the layout.
    /// </summary>
    public string? Agree(bool colon, int offsetDigits, int spacesAfterOffset)
    {
        if (IsXxd is null && !colon && (offsetDigits == FormatHexOffsetDigits || spacesAfterOffset == FormatHexSpacesAfterOffset))
        {
            _formatHexWidth = FormatHexWidth;
        }

        IsXxd ??= colon && !IsFormatHex;
        return IsXxd == colon ? null
            : colon ? "this offset is followed by ':' and the first line's was not"
            : "this offset lacks the ':' the first line's had";
    }

    /// <summary>
    /// Checks a group of <paramref name="digits"/> (even) on a line whose offset has
    /// <paramref name="offsetDigits"/>: null when the layout writes groups so, else why not, and
    /// whether that shows a dump of words (<paramref name="isWords"/>), which is refused whole.
    /// </summary>
    public string? CheckGroup(long digits, int offsetDigits, out bool isWords)
    {
        isWords = false;
        if (IsXxd == true || digits == 2)
        {
            return null;
        }

        // A group as long as the offset is no word but something else that is not a dump (7ea0 e22b ...).
        isWords = WordDump.IsWordWidth(digits) && digits != offsetDigits;
        return isWords ? WordDump.OfGroups(digits) : $"{digits} hex digits where this dump writes each byte as two";
    }

    /// <summary>True when <paramref name="c"/> after a group opens the character column ('|' of hexdump -C, '&gt;' of od).</summary>
    public bool OpensColumn(char c) => IsXxd == false && !IsFormatHex && c is '|' or '>';

    /// <summary>The mark that may close a column opened by <paramref name="opening"/>.</summary>
    public static char Closing(char opening) => opening switch
    {
        '|' => '|',
        '>' => '<',
        _ => '\0',
    };

    /// <summary>
    /// True when the <paramref name="spaces"/>-th space after a group, on a line that has
    /// <paramref name="lineBytes"/> bytes so far, starts the character column.
    /// </summary>
    public bool ColumnFollows(int spaces, long lineBytes) =>
        IsXxd == true ? spaces == 2
        : IsFormatHex && (lineBytes >= _formatHexWidth || spaces == 2);
}
