using Han.Protocol;

namespace Han.Sources.HexText;

/// <summary>
/// One run of hex digits with nothing between them (<c>7E</c>, <c>7ea0</c>, the digits after <c>0x</c>):
/// pairs them into bytes as they come, so a run of any length costs no memory, and remembers where it
/// started, so a run with an odd number of digits is reported where the digits stop pairing up rather
/// than at the end of the input.
/// </summary>
internal struct HexRun
{
    private int _high;

    public TextPosition Start { get; private set; }

    public long EndColumn { get; private set; }

    public int Digits { get; private set; }

    public readonly bool IsOdd => (Digits & 1) == 1;

    /// <summary>The last digit's value (for <c>0x7</c>, a byte of one digit).</summary>
    public readonly int LastNibble => _high;

    /// <summary>"N hex digits ...": why an odd run cannot be read as bytes.</summary>
    public readonly string OddDetail => Digits == 1
        ? "a lone hex digit: the digits stop pairing up into bytes here"
        : $"{Digits} hex digits in a row (to column {EndColumn}), an odd number of digits: they stop pairing up into bytes here";

    /// <summary>The value of <paramref name="c"/> as a hex digit, or -1.</summary>
    public static int NibbleOf(char c) => c < 0x80 ? HexDigit.ValueOf((byte)c) : -1;

    public void Begin(TextPosition at)
    {
        Start = at;
        EndColumn = at.Column;
        Digits = 0;
    }

    /// <summary>Adds one digit; returns the byte it completes, or -1 when it is the first of a pair.</summary>
    public int Add(int nibble, long column)
    {
        EndColumn = column;
        if ((Digits++ & 1) == 0)
        {
            _high = nibble;
            return -1;
        }

        return (_high << 4) | nibble;
    }
}
