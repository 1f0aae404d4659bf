namespace Han.Sources.HexText;

/// <summary>
/// Dumps with an offset at the start of each line and often a column of characters at the end:
/// <c>xxd</c> (<c>00000000: 7ea0 e32b ...  ~..+</c>), <c>hexdump -C</c> and <c>hd</c>
/// (<c>00000000  7e a0 e3 ...  |~..+|</c>), <c>od -A x -t x1z</c> (<c>000000 7e a0 ... &gt;~..+&lt;</c>)
/// and <c>od -t x1</c>. Only the bytes are read: the offset is checked (<see cref="DumpOffsets"/>), and
/// the character column, which may hold letters that look like hex (<c>cafe</c>), is skipped: in xxd it
/// follows two spaces, in the others <c>|</c> or <c>&gt;</c>. Dumps of 16-bit words (plain
/// <c>hexdump</c>, <c>od -x</c>) print each pair of bytes swapped, so they are refused, not misread.
/// </summary>
internal sealed class HexDumpReader : HexFormReader
{
    /// <summary>The longest line a '*' can repeat: xxd writes at most 256 bytes a line.</summary>
    private const int MaxLine = 256;

    private readonly DumpOffsets _offsets = new();
    private readonly char[] _offset = new char[DumpOffsets.MaxDigits];
    private readonly byte[] _line = new byte[MaxLine];
    private State _state;
    private int _offsetLength;
    private TextPosition _offsetStart;
    private bool _colon;
    private bool? _xxd;
    private int _spaces;
    private int _lineLength;
    private int _repeatLength;
    private bool _repeatPending;
    private TextPosition _repeatAt;
    private long _repeatRemaining;
    private int _repeatIndex;
    private bool _columnStarts;

    private enum State
    {
        LineStart,
        Offset,
        AfterOffset,
        Data,
        CharacterColumn,
        Repeat,
        Skip,
    }

    public override string Name => "hex dump";

    /// <summary>The first line that was read whole with bytes on it (0: none yet).</summary>
    public long FirstDataLine { get; private set; }

    /// <summary>True when that line showed what only dumps have: xxd's ':' or a character column.</summary>
    public bool HasDumpMarks { get; private set; }

    /// <summary>True when an offset was checked against the bytes of the line before it.</summary>
    public bool OffsetsConfirmed => _offsets.Confirmed;

    /// <summary>
    /// True when the first thing that could not be read shows a dump whose digits are not in byte order
    /// (16- or 32-bit words): such a dump is refused whole, since reading it would swap bytes.
    /// </summary>
    public bool Refused { get; private set; }

    protected override void Read(char c)
    {
        var lineBreak = c == '\n';
        var space = !lineBreak && char.IsWhiteSpace(c);
        var nibble = HexRun.NibbleOf(c);
        switch (_state)
        {
            case State.LineStart when space || lineBreak:
                break;
            case State.LineStart when c == '*' && _repeatLength > 0 && !_repeatPending:
                _repeatAt = Position;
                _state = State.Repeat;
                break;
            case State.LineStart when nibble >= 0:
                _offsetStart = Position;
                _offsetLength = 0;
                _state = State.Offset;
                ReadOffset(c);
                break;
            case State.Offset when nibble >= 0:
                ReadOffset(c);
                break;
            case State.Offset when c == ':' || space || lineBreak:
                _colon = c == ':';
                _state = State.AfterOffset;
                EndOffset();
                if (lineBreak)
                {
                    EndLine();
                }

                break;
            case State.AfterOffset or State.Data when nibble >= 0:
                ReadDigit(nibble);
                break;
            case State.AfterOffset when space:
                break;
            case State.AfterOffset or State.Data when lineBreak:
                EndGroup();
                EndLine();
                break;
            case State.Data when space:
                // xxd has one space between groups of digits and two before its character column.
                EndGroup();
                if (++_spaces == 2 && _xxd == true)
                {
                    MarkCharacterColumn();
                }

                break;
            case State.Data when c is '|' or '>' && _xxd == false:
                EndGroup();
                MarkCharacterColumn();
                break;
            case State.CharacterColumn or State.Repeat when lineBreak:
                _repeatPending |= _state == State.Repeat;
                EndLine();
                break;
            case State.CharacterColumn:
                CheckCharacterColumn(c);
                break;
            case State.Repeat when space:
                break;
            case State.Skip when lineBreak:
                // A line that could not be read: the next offset starts afresh rather than failing again.
                _offsets.Reset();
                _lineLength = 0;
                _state = State.LineStart;
                break;
            case State.Skip:
                break;
            default:
                FailLine(Position, $"{DescribeCurrent()} {Expected()}");
                break;
        }
    }

    protected override void Flush(ref ByteSink output)
    {
        for (; _repeatRemaining > 0 && !output.IsFull; _repeatRemaining--)
        {
            output.Write(_line[_repeatIndex]);
            _repeatIndex = (_repeatIndex + 1) % _repeatLength;
        }
    }

    protected override void End()
    {
        if (_repeatPending)
        {
            Fail(_repeatAt, "the dump ends after '*' without the offset that says how many lines it stands for");
        }
    }

    private string Expected() => _state switch
    {
        State.LineStart => "stands where a dump line starts with its offset",
        State.Offset => "is not a hex digit, in the offset that starts a dump line",
        State.Repeat => "after '*', which stands alone on its line",
        _ => "is not a hex digit, where a dump line holds its bytes",
    };

    private void ReadOffset(char c)
    {
        if (_offsetLength == _offset.Length)
        {
            FailLine(_offsetStart, $"an offset of more than {_offset.Length} digits");
            return;
        }

        _offset[_offsetLength++] = c;
    }

    private void EndOffset()
    {
        var problem = _offsets.Check(_offset.AsSpan(0, _offsetLength), _repeatPending, _repeatLength, out var repeated);
        if (problem is not null)
        {
            FailLine(_offsetStart, problem);
            return;
        }

        if (_repeatPending)
        {
            _repeatPending = false;
            _repeatRemaining = repeated;
            _repeatIndex = 0;
        }
    }

    private void ReadDigit(int nibble)
    {
        if (_state == State.AfterOffset)
        {
            // The first line decides which dump this is; every line must agree.
            _xxd ??= _colon;
            if (_xxd != _colon)
            {
                FailLine(_offsetStart, _colon ? "this offset is followed by ':' and the first line's was not" : "this offset lacks the ':' the first line's had");
                return;
            }

            _state = State.Data;
        }

        if (!Run.IsOpen)
        {
            BeginRun();
            _spaces = 0;
        }

        var value = Run.Add(nibble, Position.Column);
        if (value >= 0)
        {
            if (_lineLength < MaxLine)
            {
                _line[_lineLength] = (byte)value;
            }

            _lineLength++;
        }
    }

    /// <summary>A group of digits has ended: xxd groups any whole number of bytes, the others write each byte alone.</summary>
    private void EndGroup()
    {
        if (!Run.IsOpen)
        {
            return;
        }

        var digits = Run.Digits;
        if (_xxd == false && digits != 2)
        {
            if (digits is 4 or 8 && digits != _offsetLength)
            {
                Refuse(Run.Start, "this is a dump of 16-bit words (plain hexdump, od -x) or 32-bit words, which shows the bytes of each word swapped; make the dump with 'hexdump -C' or 'xxd' instead");
            }
            else
            {
                FailLine(Run.Start, $"{digits} hex digits where this dump writes each byte as two");
            }
        }
        else if (!EndRun())
        {
            _state = State.Skip;
        }
    }

    private void MarkCharacterColumn()
    {
        HasDumpMarks |= FirstDataLine == 0;
        _columnStarts = true;
        _state = State.CharacterColumn;
    }

    /// <summary>
    /// The character column shows the line's first byte first (itself when printable ASCII, '.' for a
    /// control byte). When it shows another, the groups of digits are not in byte order: xxd -e writes
    /// little-endian words, which read as they stand would swap bytes. No check when the column starts
    /// with a space (it may be xxd's padding) or the byte is not ASCII (the tool's locale decides how it
    /// shows).
    /// </summary>
    private void CheckCharacterColumn(char c)
    {
        if (!_columnStarts)
        {
            return;
        }

        _columnStarts = false;
        var first = _line[0];
        var shown = first is >= 0x20 and < 0x7F ? (char)first : '.';
        if (c != ' ' && _lineLength > 0 && first < 0x80 && c != shown)
        {
            Refuse(Position, $"the character column shows {DescribeCurrent()} first, but the line's first byte reads as {first:X2}: the digits are not in byte order (xxd -e writes little-endian words); make the dump with 'xxd' or 'hexdump -C'");
        }
    }

    private void EndLine()
    {
        if (_lineLength > 0)
        {
            HasDumpMarks |= FirstDataLine == 0 && _xxd == true;
            if (FirstDataLine == 0)
            {
                FirstDataLine = Position.Line;
            }

            _repeatLength = _lineLength <= MaxLine ? _lineLength : 0;
        }

        _offsets.Advance(_lineLength);
        _lineLength = 0;
        _state = State.LineStart;
    }

    private void Refuse(TextPosition at, string detail)
    {
        Refused |= ErrorCount == 0;
        FailLine(at, detail);
    }

    private void FailLine(TextPosition at, string detail)
    {
        _state = State.Skip;
        Run.Discard();
        Fail(at, detail);
    }
}
