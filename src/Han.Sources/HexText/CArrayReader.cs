namespace Han.Sources.HexText;

/// <summary>
/// Bytes written <c>0x7E</c>, as in C arrays and the lists people paste from C, C#, Arduino or Python:
/// <c>{ 0x7E, 0xA0, ... }</c> (braces or brackets, nested or not), <c>0x7E 0xA0</c>, <c>xxd -i</c> output.
/// <c>0x</c> takes one digit (<c>0x7</c>) or whole bytes. Comments (<c>//</c>, <c>/* */</c>) and
/// preprocessor lines are skipped, and so is a declaration before a <c>{</c>
/// (<c>static const uint8_t frame[] = {</c>) or a statement outside the braces ending in <c>;</c>
/// (<c>unsigned int frame_len = 229;</c>). Inside braces every word must be a 0x byte, so a byte that lost
/// its prefix or a typo is reported where it stands.
/// </summary>
internal sealed class CArrayReader : HexFormReader
{
    private const int WordShown = 24;

    private readonly char[] _word = new char[WordShown];
    private State _state;
    private int _depth;
    private TextPosition _wordStart;
    private int _wordLength;
    private bool _isByte;
    private Declaration? _declaration;
    private TextPosition _slash;

    private enum State
    {
        Between,
        Word,
        Skip,
        Slash,
        LineComment,
        BlockComment,
        BlockStar,
    }

    public override string Name => "C array";

    protected override void Read(char c)
    {
        switch (_state)
        {
            case State.Word when IsWordChar(c):
                ReadWordChar(c);
                break;
            case State.Word:
                _state = State.Between;
                EndWord();
                ReadBetween(c);
                break;
            case State.Skip:
                if (!IsWordChar(c))
                {
                    _state = State.Between;
                    ReadBetween(c);
                }

                break;
            case State.Slash:
                _state = c switch
                {
                    '/' => State.LineComment,
                    '*' => State.BlockComment,
                    _ => State.Between,
                };
                if (_state == State.Between)
                {
                    // Not a comment: a lone '/' is part of a declaration or out of place.
                    if (_declaration is null)
                    {
                        Unexpected(HexFormError.Describe('/'), _slash);
                    }

                    Read(c);
                }

                break;
            case State.LineComment when c == '\n':
                _state = State.Between;
                break;
            case State.BlockComment when c == '*':
                _state = State.BlockStar;
                break;
            case State.BlockStar:
                _state = c switch
                {
                    '/' => State.Between,
                    '*' => State.BlockStar,
                    _ => State.BlockComment,
                };
                break;
            case State.Between when IsWordChar(c):
                _state = State.Word;
                _wordStart = Position;
                _wordLength = 0;
                _isByte = false;
                ReadWordChar(c);
                break;
            case State.Between:
                ReadBetween(c);
                break;
        }
    }

    protected override void End()
    {
        if (_state is State.BlockComment or State.BlockStar)
        {
            Fail(_slash, "this comment is never closed with */");
        }
        else if (_declaration is { } declaration)
        {
            FailDeclaration(declaration);
        }
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private void ReadWordChar(char c)
    {
        if (_wordLength < WordShown)
        {
            _word[_wordLength] = c;
        }

        _wordLength++;
        if (_wordLength == 2 && _word[0] == '0' && c is 'x' or 'X')
        {
            _isByte = true;
            if (_declaration is null)
            {
                // A 0x word inside a declaration (an array size, frame[0x10]) is no data.
                Run.Begin(_wordStart);
            }
        }
        else if (_isByte)
        {
            var nibble = HexRun.NibbleOf(c);
            if (nibble < 0)
            {
                _state = State.Skip;
                Run.End();
                Fail(Position, $"{DescribeCurrent()} is not a hex digit, in a byte written 0x");
            }
            else if (Run.IsOpen)
            {
                Run.Add(nibble, Position.Column);
            }
        }
    }

    /// <summary>A word has ended: a byte, or a name or number that only a declaration may hold.</summary>
    private void EndWord()
    {
        var word = new ReadOnlySpan<char>(_word, 0, Math.Min(_wordLength, WordShown));
        if (_declaration is { } declaration)
        {
            if (_isByte && declaration.Nesting == 0)
            {
                FailDeclaration(declaration);
            }
        }
        else if (!_isByte)
        {
            if (_depth == 0 && !char.IsAsciiDigit(word[0]))
            {
                // A name outside the braces begins a declaration; the '{' or ';' that ends it comes later.
                _declaration = new Declaration(_wordStart, word.ToString());
            }
            else
            {
                Fail(_wordStart, $"'{word}' is not a byte written 0x (as the other bytes are)");
            }
        }
        else if (Run.Digits == 0)
        {
            Run.End();
            Fail(_wordStart, "0x with no hex digit after it");
        }
        else if (Run.Digits == 1)
        {
            Run.EndAsLoneDigitByte();
        }
        else
        {
            EndRun();
        }
    }

    private void ReadBetween(char c)
    {
        if (char.IsWhiteSpace(c))
        {
            return;
        }

        if (c == '/')
        {
            _slash = Position;
            _state = State.Slash;
        }
        else if (_declaration is { } declaration)
        {
            ReadInDeclaration(c, declaration);
        }
        else if (c is '{' or '[')
        {
            _depth++;
        }
        else if (c is '}' or ']' && _depth > 0)
        {
            _depth--;
        }
        else if (c == '#' && _depth == 0)
        {
            // A preprocessor line (#include, #define): nothing of it is data.
            _state = State.LineComment;
        }
        else if (c is not (',' or ';'))
        {
            Unexpected(DescribeCurrent(), Position);
        }
    }

    /// <summary>
    /// Inside a declaration anything goes (types, names, [sizes], attributes, '=') until the '{' that
    /// opens its bytes or the ';' that ends a statement with none; a ',' outside brackets or parentheses
    /// means the name was a byte gone wrong, not a declaration.
    /// </summary>
    private void ReadInDeclaration(char c, Declaration declaration)
    {
        switch (c)
        {
            case '{':
                _declaration = null;
                _depth++;
                break;
            case ';':
                _declaration = null;
                break;
            case '[' or '(':
                declaration.Nesting++;
                break;
            case ']' or ')' when declaration.Nesting > 0:
                declaration.Nesting--;
                break;
            case ',' when declaration.Nesting == 0:
                FailDeclaration(declaration);
                break;
        }
    }

    private void FailDeclaration(Declaration declaration)
    {
        _declaration = null;
        Fail(declaration.Start, $"'{declaration.Word}' is not a byte written 0x, and no '{{' follows it as one would after a C declaration");
    }

    private void Unexpected(string shown, TextPosition at) =>
        Fail(at, $"{shown} has no place in a C byte array (bytes written 0x7E, separated by ',')");

    /// <summary>A declaration being skipped: the name it started with, for the error if it turns out not to be one.</summary>
    private sealed class Declaration(TextPosition start, string word)
    {
        public TextPosition Start { get; } = start;

        public string Word { get; } = word;

        /// <summary>Open brackets and parentheses: inside them a ',' or a 0x size is still part of the declaration.</summary>
        public int Nesting { get; set; }
    }
}
