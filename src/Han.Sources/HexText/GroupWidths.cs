namespace Han.Sources.HexText;

/// <summary>
/// How many digits the groups of a hex text hold, to tell a dump of words without offsets
/// (<c>od -An -x</c>, <c>od -An -t x4</c>, <c>hexdump -e '16/2 "%04x "'</c>) from hex in byte order:
/// the first prints lines of several groups that all hold 4, 8 or 16 digits, while hex pasted from
/// forums and tools is pairs (<c>7E A0</c>) or a run per line (<c>xxd -p</c>: 60 digits; <c>xxd -p -c2</c>:
/// 4, but one group a line). Only groups that ended are counted: the sample may end in one.
/// </summary>
internal sealed class GroupWidths
{
    private long _digits;
    private bool _mixed;
    private long _line;
    private int _groupsOnLine;
    private bool _severalOnALine;

    /// <summary>Where the first group starts.</summary>
    public TextPosition First { get; private set; }

    /// <summary>The digits every group holds when that is a word's (4, 8 or 16) and some line holds several; else 0.</summary>
    public long WordDigits => !_mixed && _severalOnALine && WordDump.IsWordWidth(_digits) ? _digits : 0;

    /// <summary>A group of <paramref name="digits"/> that started at <paramref name="start"/> has ended.</summary>
    public void Ended(long digits, TextPosition start)
    {
        if (_digits == 0)
        {
            _digits = digits;
            First = start;
        }

        _mixed |= digits != _digits;
        _groupsOnLine = start.Line == _line ? _groupsOnLine + 1 : 1;
        _line = start.Line;
        _severalOnALine |= _groupsOnLine > 1;
    }
}
