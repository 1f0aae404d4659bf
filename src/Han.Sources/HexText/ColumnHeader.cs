namespace Han.Sources.HexText;

/// <summary>
/// Windows' Format-Hex heads its dump with a row that numbers the byte columns (<c>00 01 02 ... 0F</c>),
/// with the file's path (<c>Path: C:\...</c>, Windows PowerShell 5.1) or a label (<c>Label: ...</c>,
/// PowerShell 7) above it, and in PowerShell 7 a rule of dashes below it. Found among the first lines of
/// the sample, it says how many lines to skip before the dump's lines, and how many bytes a line holds
/// (where a full line's character column starts, since Format-Hex marks it by no '|').
/// </summary>
internal readonly record struct ColumnHeader(int Lines, int Width)
{
    /// <summary>The fewest columns a row must number to be taken for a header (no dump is narrower).</summary>
    private const int MinWidth = 8;

    /// <summary>How far down the header may stand: below the path or label lines, nothing else.</summary>
    private const int MaxLine = 8;

    public static ColumnHeader None => default;

    /// <summary>The header of <paramref name="sample"/>, or <see cref="None"/>.</summary>
    public static ColumnHeader Find(ReadOnlySpan<char> sample)
    {
        for (var lines = 1; lines <= MaxLine && !sample.IsEmpty; lines++)
        {
            var width = NumberedColumns(NextLine(ref sample).Trim());
            if (width >= MinWidth)
            {
                var rules = 0;
                while (!sample.IsEmpty && NextLine(ref sample).Trim() is { IsEmpty: false } rule && rule.IndexOfAnyExcept("- ") < 0)
                {
                    rules++;
                }

                return new(lines + rules, width);
            }
        }

        return None;
    }

    /// <summary>How many columns <paramref name="row"/> numbers, 00 01 02 ... in order and one space apart; 0 when it is no such row.</summary>
    private static int NumberedColumns(ReadOnlySpan<char> row)
    {
        var count = 0;
        foreach (var range in row.Split(' '))
        {
            var cell = row[range];
            if (cell.Length != 2 || HexRun.NibbleOf(cell[0]) != count >> 4 || HexRun.NibbleOf(cell[1]) != (count & 0xF))
            {
                return 0;
            }

            count++;
        }

        return count;
    }

    /// <summary>The next line of <paramref name="text"/>, which moves past it; CR LF, LF and CR each end one, as <see cref="TextCursor"/> counts them.</summary>
    private static ReadOnlySpan<char> NextLine(ref ReadOnlySpan<char> text)
    {
        var end = text.IndexOfAny('\r', '\n');
        if (end < 0)
        {
            var last = text;
            text = [];
            return last;
        }

        var line = text[..end];
        text = text[(text[end..].StartsWith("\r\n") ? end + 2 : end + 1)..];
        return line;
    }
}
