using Han.Protocol;

namespace Han.Sources.HexText;

/// <summary>
/// One run of hex digits with nothing between them (<c>7E</c>, <c>7ea0</c>, a line of <c>xxd -p</c>, the
/// digits after <c>0x</c>): pairs them into bytes and holds the bytes back until the run ends. A run
/// with an odd number of digits lost or gained a digit somewhere in it, so from there on its bytes are
/// shifted: none of them is given out, and the error names where the run starts and ends. Only a run
/// longer than <see cref="MaxHeld"/> bytes (a whole capture written without a space) is given out as it
/// comes once that many are held, so memory stays bounded; if it turns out odd, the error says how
/// many of its bytes went out before.
/// </summary>
internal sealed class HexRun
{
    /// <summary>The most bytes a run holds back: far more than any line of a dump or a frame.</summary>
    public const int MaxHeld = 64 * 1024;

    private byte[] _bytes = new byte[64];
    private int _count;
    private int _owed;
    private int _flushed;
    private int _high;
    private long _givenOut;

    /// <summary>True while bytes are owed to the output.</summary>
    public bool IsOwing => _flushed < _owed;

    /// <summary>True between <see cref="Begin"/> and the run's end.</summary>
    public bool IsOpen { get; private set; }

    public TextPosition Start { get; private set; }

    public long EndColumn { get; private set; }

    public long Digits { get; private set; }

    /// <summary>Every byte the digits of all runs made, given out or not: how much of a text reads as hex.</summary>
    public long BytesMade { get; private set; }

    /// <summary>"N hex digits ...": why an odd run gives no bytes.</summary>
    public string OddDetail => Digits == 1
        ? "a lone hex digit: a digit is missing beside it, or it is one too many; it makes no byte"
        : $"a digit is missing or extra somewhere in line {Start.Line}, columns {Start.Column}-{EndColumn}: {Digits} hex digits in a row, an odd number, do not pair up into bytes; "
            + (_givenOut == 0 ? "none of them was decoded" : $"the first {_givenOut} bytes they make were decoded before the run ended, and from the missing or extra digit on those are shifted");

    /// <summary>The value of <paramref name="c"/> as a hex digit, or -1.</summary>
    public static int NibbleOf(char c) => c < 0x80 ? HexDigit.ValueOf((byte)c) : -1;

    /// <summary>Starts a run at <paramref name="at"/> (bytes still owed from the one before are kept).</summary>
    public void Begin(TextPosition at)
    {
        Start = at;
        EndColumn = at.Column;
        Digits = 0;
        _givenOut = 0;
        IsOpen = true;
    }

    /// <summary>Adds one digit; returns the byte it completes (held back), or -1 when it is the first of a pair.</summary>
    public int Add(int nibble, long column)
    {
        EndColumn = column;
        if ((Digits++ & 1) == 0)
        {
            _high = nibble;
            return -1;
        }

        var value = (_high << 4) | nibble;
        BytesMade++;
        Hold((byte)value);
        if (_count - _owed >= MaxHeld)
        {
            // Too long to hold: what is held goes out, and so does every byte after it.
            _givenOut += _count - _owed;
            _owed = _count;
        }

        return value;
    }

    /// <summary>Ends the run: true when its digits paired up, and its bytes are owed to the output; false when odd, and they are dropped.</summary>
    public bool End()
    {
        if ((Digits & 1) == 1)
        {
            Discard();
            return false;
        }

        IsOpen = false;
        _owed = _count;
        return true;
    }

    /// <summary>Ends the run without giving out its bytes (it was found wrong before its end).</summary>
    public void Discard()
    {
        IsOpen = false;
        _count = _owed;
        Settle();
    }

    /// <summary>Ends a run of one digit as a byte of its own, as C reads <c>0x7</c>.</summary>
    public void EndAsLoneDigitByte()
    {
        IsOpen = false;
        BytesMade++;
        Hold((byte)_high);
        _owed = _count;
    }

    /// <summary>Writes the bytes owed while there is room.</summary>
    public void Flush(ref ByteSink output)
    {
        _flushed += output.Write(_bytes.AsSpan(_flushed, _owed - _flushed));
        Settle();
    }

    /// <summary>Once every byte went out, the buffer starts again at its beginning.</summary>
    private void Settle()
    {
        if (_flushed == _count)
        {
            _flushed = _owed = _count = 0;
        }
    }

    private void Hold(byte value)
    {
        if (_count == _bytes.Length)
        {
            // Bytes already written out make room before the buffer grows.
            if (_flushed > 0)
            {
                _bytes.AsSpan(_flushed, _count - _flushed).CopyTo(_bytes);
                _count -= _flushed;
                _owed -= _flushed;
                _flushed = 0;
            }
            else
            {
                Array.Resize(ref _bytes, _bytes.Length * 2);
            }
        }

        _bytes[_count++] = value;
    }
}
