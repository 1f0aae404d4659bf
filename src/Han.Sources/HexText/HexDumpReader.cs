namespace Han.Sources.HexText;

/// <summary>
/// Dumps with an offset at the start of each line and often a column of characters at the end:
/// <c>xxd</c> (<c>00000000: 7ea0 e32b ...  ~..+</c>), <c>hexdump -C</c> and <c>hd</c>
/// (<c>00000000  7e a0 e3 ...  |~..+|</c>), <c>od -A x -t x1z</c> (<c>000000 7e a0 ... &gt;~..+&lt;</c>),
/// <c>od -t x1</c>, and Windows' Format-Hex (<c>00000000   7E A0 E3 ...  ~..+</c> in Windows PowerShell
/// 5.1, <c>0000000000000000 7E A0 E3 ... ~..+</c> in PowerShell 7, under a header that numbers the byte
/// columns or copied without it). This type reads a line's parts in order; each part's rules are another
/// type's: the offsets (<see cref="DumpOffsets"/>), the tool's layout (<see cref="DumpLayout"/>), the
/// character column, which is skipped but tells the bytes' order (<see cref="CharacterColumn"/>), and the
/// <c>*</c> lines (<see cref="RepeatedLine"/>). Dumps of words, which would swap bytes, are refused
/// (<see cref="WordDump"/>).
/// </summary>
internal sealed class HexDumpReader : HexFormReader
{
    private readonly DumpOffsets _offsets = new();
    private readonly DumpLayout _layout;
    private readonly DumpLine _line = new();
    private readonly CharacterColumn _column = new();
    private readonly RepeatedLine _repeat = new();
    private int _headerLines;
    private State _state;
    private bool _colon;
    private int _spaces;
    private int _spacesAfterOffset;
    private TextPosition _columnStart;
    private char _closing;
    private bool _checkedAfterFirstLine;

    /// <summary>A reader of a dump under <paramref name="header"/> (Format-Hex's), or with none.</summary>
    public HexDumpReader(ColumnHeader header = default)
    {
        _layout = new(header);
        _headerLines = header.Lines;
        _state = _headerLines > 0 ? State.Header : State.LineStart;
    }

    private enum State
    {
        Header,
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

    /// <summary>True when that line showed what only dumps have: xxd's ':', a character column, or Format-Hex's header above it.</summary>
    public bool HasDumpMarks { get; private set; }

    /// <summary>True when the offset after the first line with bytes followed from them, with nothing wrong before it.</summary>
    public bool OffsetsConfirmed { get; private set; }

    /// <summary>How many offsets followed from the lines before them.</summary>
    public int Confirmations => _offsets.Confirmations;

    /// <summary>
    /// True when the first thing that could not be read shows a dump whose digits are not in byte order
    /// (16-, 32- or 64-bit words): such a dump is refused whole, since reading it would swap bytes.
    /// </summary>
    public bool Refused { get; private set; }

    protected override void Read(char c)
    {
        var lineBreak = c == '\n';
        var space = !lineBreak && char.IsWhiteSpace(c);
        var nibble = HexRun.NibbleOf(c);
        switch (_state)
        {
            case State.Header:
                _state = lineBreak && --_headerLines == 0 ? State.LineStart : State.Header;
                break;
            case State.LineStart when space || lineBreak:
                break;
            case State.LineStart when c == '*' && _repeat.CanStart:
                _repeat.Start(Position);
                _state = State.Repeat;
                break;
            case State.LineStart when nibble >= 0:
                _offsets.Begin(Position);
                _state = State.Offset;
                ReadOffset(c);
                break;
            case State.Offset when nibble >= 0:
                ReadOffset(c);
                break;
            case State.Offset when c == ':' || space || lineBreak:
                _colon = c == ':';
                _spacesAfterOffset = space ? 1 : 0;
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
                _spacesAfterOffset++;
                break;
            case State.AfterOffset or State.Data when lineBreak:
                EndGroup();
                EndLine();
                break;
            case State.Data when space:
                EndGroup();
                if (_state == State.Data && _layout.ColumnFollows(++_spaces, _line.Length))
                {
                    StartColumn('\0');
                }

                break;
            case State.Data when _layout.OpensColumn(c):
                EndGroup();
                if (_state == State.Data)
                {
                    StartColumn(c);
                }

                break;
            case State.CharacterColumn when lineBreak:
                if (_column.Check(_line, _closing, out var isWords) is { } problem)
                {
                    Fail(_columnStart, problem, isWords);
                }

                EndLine();
                break;
            case State.CharacterColumn:
                _column.Add(c);
                break;
            case State.Repeat when lineBreak:
                _state = State.LineStart;
                break;
            case State.Repeat when space:
                break;
            case State.Skip:
                if (lineBreak)
                {
                    EndLine();
                }

                break;
            default:
                FailLine(Position, $"{DescribeCurrent()} {Expected()}");
                break;
        }
    }

    protected override bool Flush(ref ByteSink output) => _repeat.Flush(ref output);

    protected override void End()
    {
        if (_repeat.IsPending)
        {
            Fail(_repeat.At, "the dump ends after '*' without the offset that says how many lines it stands for");
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
        if (_offsets.Add(c) is { } problem)
        {
            FailLine(_offsets.Start, problem);
        }
    }

    private void EndOffset()
    {
        var confirmations = _offsets.Confirmations;
        var problem = _offsets.End(_repeat.IsPending, _repeat.LineLength, restartsAnywhere: _colon, out var repeated);
        if (FirstDataLine > 0 && !_checkedAfterFirstLine)
        {
            // The first offset checked against a line's bytes decides whether text without marks is a dump.
            _checkedAfterFirstLine = true;
            OffsetsConfirmed = _offsets.Confirmations > confirmations && ErrorCount == 0;
        }

        if (problem is null && _repeat.IsPending)
        {
            problem = _repeat.Expand(repeated);
            if (problem is null)
            {
                Owe();
            }
        }

        if (problem is not null)
        {
            FailLine(_offsets.Start, problem);
        }
    }

    private void ReadDigit(int nibble)
    {
        if (_state == State.AfterOffset)
        {
            // The first line decides which tool's layout this is; every line must agree.
            if (_layout.Agree(_colon, _offsets.Length, _spacesAfterOffset) is { } problem)
            {
                FailLine(_offsets.Start, problem);
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
            _line.Add((byte)value);
        }
    }

    /// <summary>A group of digits has ended: it must hold whole bytes, grouped as the layout groups them.</summary>
    private void EndGroup()
    {
        if (!Run.IsOpen)
        {
            return;
        }

        if ((Run.Digits & 1) == 0 && _layout.CheckGroup(Run.Digits, _offsets.Length, out var isWords) is { } problem)
        {
            Fail(Run.Start, problem, isWords);
        }
        else if (EndRun())
        {
            _line.EndGroup();
        }
        else
        {
            _state = State.Skip;
        }
    }

    private void StartColumn(char opening)
    {
        HasDumpMarks |= FirstDataLine == 0;
        _closing = DumpLayout.Closing(opening);
        _columnStart = Position with { Column = Position.Column + 1 };
        _column.Begin();
        _state = State.CharacterColumn;
    }

    /// <summary>A line has ended: one read whole moves the offsets on; one that failed starts the dump afresh at the next offset.</summary>
    private void EndLine()
    {
        if (_state == State.Skip)
        {
            _offsets.Reset();
            _repeat.Forget();
        }
        else
        {
            if (_line.Length > 0)
            {
                HasDumpMarks |= FirstDataLine == 0 && (_layout.IsXxd == true || _layout.HasHeader);
                FirstDataLine = FirstDataLine == 0 ? Position.Line : FirstDataLine;
                _repeat.Remember(_line);
            }

            _offsets.Advance(_line.Length);
        }

        _line.Clear();
        _state = State.LineStart;
    }

    /// <summary>Fails the line; a dump of words (<paramref name="isWords"/>) is refused whole when that is the first thing wrong.</summary>
    private void Fail(TextPosition at, string detail, bool isWords)
    {
        Refused |= isWords && ErrorCount == 0;
        FailLine(at, detail);
    }

    private void FailLine(TextPosition at, string detail)
    {
        _state = State.Skip;
        Run.Discard();
        Fail(at, detail);
    }
}
