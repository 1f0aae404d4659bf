namespace Han.Sources.HexText;

/// <summary>
/// Follows a text one UTF-16 unit at a time the way an editor counts it, for the positions errors name:
/// CR LF, LF and a lone CR (old Mac files) each end one line, an emoji (a surrogate pair) is one column,
/// and byte-order marks before the first character are no characters (an editor writes one, a file
/// joined from two such files holds two; the stream's decoder may have taken the first already).
/// Readers are given '\n' for every line end, so each form deals with one kind.
/// </summary>
internal sealed class TextCursor
{
    private const char ByteOrderMark = '\uFEFF';

    private long _line = 1;
    private long _column;
    private bool _lineEnded;
    private bool _afterCr;
    private bool _started;
    private char _highSurrogate;
    private bool _steady;

    /// <summary>Where the character last given to read stands.</summary>
    public TextPosition Position => new(_line, _column);

    /// <summary>The whole code point of the character last given to read (for messages).</summary>
    public int CodePoint { get; private set; }

    /// <summary>True when the first half of a surrogate pair waits for its second.</summary>
    public bool HasHalf => _highSurrogate != '\0';

    /// <summary>
    /// When the first half of a surrogate pair waits and <paramref name="next"/> does not complete it, gives
    /// that half to read alone (<paramref name="next"/> is taken after it); false otherwise.
    /// </summary>
    public bool TakeLoneHalf(char next, out char alone)
    {
        alone = _highSurrogate;
        if (alone == '\0' || char.IsLowSurrogate(next))
        {
            return false;
        }

        _highSurrogate = '\0';
        Advance(alone);
        return true;
    }

    /// <summary>
    /// Takes the next unit; true when it gives a character to read (<paramref name="read"/>), false when it
    /// is part of one given before or after it (the LF of CR LF, the first half of a pair) or no character.
    /// </summary>
    public bool Take(char unit, out char read)
    {
        read = unit;
        if (_steady && unit != '\n' && unit != '\r' && !char.IsSurrogate(unit))
        {
            // Within a line, nothing waiting: the character is one column on.
            _column++;
            CodePoint = unit;
            return true;
        }

        if (!_started && unit == ByteOrderMark)
        {
            return false;
        }

        _started = true;
        if (unit == '\n' && _afterCr)
        {
            _afterCr = false;
            return false;
        }

        _afterCr = unit == '\r';
        if (char.IsHighSurrogate(unit))
        {
            _highSurrogate = unit;
            return false;
        }

        Advance(_highSurrogate != '\0' && char.IsLowSurrogate(unit) ? char.ConvertToUtf32(_highSurrogate, unit) : unit);
        _highSurrogate = '\0';
        read = unit == '\r' ? '\n' : unit;
        return true;
    }

    private void Advance(int codePoint)
    {
        if (_lineEnded)
        {
            _line++;
            _column = 0;
        }

        _column++;
        _lineEnded = codePoint is '\n' or '\r';
        CodePoint = codePoint;
        _steady = !_lineEnded && !_afterCr;
    }
}
