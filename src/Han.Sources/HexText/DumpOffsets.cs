namespace Han.Sources.HexText;

/// <summary>
/// The offsets that open the lines of a dump. Each must follow from the bytes of the lines before, so a
/// line lost while copying a dump is reported instead of silently missing; after a <c>*</c> line
/// (hexdump, od and <c>xxd -a</c> write it for lines equal to the one before) the offset says how many
/// bytes the copies make. An offset of 0 starts another dump (several pasted one after another) only
/// where a dump can have ended: after an offset-only line (hexdump and od end with one), a line shorter
/// than the dump's first (the last line of most dumps), or, in xxd's form, anywhere, since its ':' shows
/// the offset for what it is; elsewhere a line starting 00 is no restart but a line that does not
/// follow. The radix is learnt from the first offset that can be checked: hexadecimal for xxd,
/// <c>hexdump -C</c>, <c>od -A x</c> and Format-Hex, octal for od's default, decimal for <c>od -A d</c>
/// (only od's 7-digit offsets may be either).
/// </summary>
internal sealed class DumpOffsets
{
    /// <summary>The shortest offset: dump tools pad theirs to 4 digits or more, so a pair of digits never is one.</summary>
    private const int MinDigits = 4;

    /// <summary>The longest offset read: 16 hex digits hold any 64-bit offset.</summary>
    private const int MaxDigits = 16;

    /// <summary>
    /// How many digits od pads its octal (its default) and decimal (<c>-A d</c>) offsets to. No other tool
    /// writes either radix, so an offset of another length is hexadecimal: read as octal, the offset
    /// 00000020 after a 16-byte line would follow from it (20 octal is 16), and the line lost between
    /// the two would go unreported.
    /// </summary>
    private const int OdDigits = 7;

    private static readonly int[] Radixes = [16, 8, 10];

    private readonly char[] _digits = new char[MaxDigits];
    private readonly char[] _first = new char[MaxDigits];
    private int _length;
    private int _firstLength;
    private long _bytesSinceFirst = -1;
    private long _firstLineBytes = -1;
    private bool _canEndHere;
    private int _radix;

    /// <summary>How many offsets followed from the lines before them (a dump's lines confirm each other).</summary>
    public int Confirmations { get; private set; }

    /// <summary>Where the offset being read starts.</summary>
    public TextPosition Start { get; private set; }

    /// <summary>How many digits the offset being read has so far.</summary>
    public int Length => _length;

    /// <summary>An offset starts at <paramref name="at"/>.</summary>
    public void Begin(TextPosition at)
    {
        Start = at;
        _length = 0;
    }

    /// <summary>Adds a digit to the offset being read; null, or why it cannot be an offset.</summary>
    public string? Add(char digit)
    {
        if (_length == MaxDigits)
        {
            return $"an offset of more than {MaxDigits} digits";
        }

        _digits[_length++] = digit;
        return null;
    }

    /// <summary>
    /// The offset being read has ended: checks it (see <see cref="Check"/>) after its length.
    /// </summary>
    public string? End(bool afterRepeat, int lineLength, bool restartsAnywhere, out long repeated)
    {
        repeated = 0;
        return _length < MinDigits
            ? $"{_length} hex digits where a dump line starts with its offset, which has {MinDigits} or more"
            : Check(_digits.AsSpan(0, _length), afterRepeat, lineLength, restartsAnywhere, out repeated);
    }

    /// <summary>Forgets the dump so far: the next offset starts a new one (after a line that could not be read).</summary>
    public void Reset() => _bytesSinceFirst = -1;

    /// <summary>The line that began at the last offset held <paramref name="bytes"/> bytes.</summary>
    public void Advance(long bytes)
    {
        if (_firstLineBytes < 0 && bytes > 0)
        {
            _firstLineBytes = bytes;
        }

        _bytesSinceFirst += bytes;
        _canEndHere = bytes < _firstLineBytes || bytes == 0;
    }

    /// <summary>
    /// Checks the offset <paramref name="digits"/> that opens a line. After a <c>*</c>
    /// (<paramref name="afterRepeat"/>) it says in <paramref name="repeated"/> how many bytes the copies of
    /// the line before (<paramref name="lineLength"/> bytes) make. <paramref name="restartsAnywhere"/>: the
    /// dump's form shows an offset for what it is (xxd's ':'). Returns null when the offset is right, else
    /// why it is not.
    /// </summary>
    private string? Check(ReadOnlySpan<char> digits, bool afterRepeat, int lineLength, bool restartsAnywhere, out long repeated)
    {
        repeated = 0;
        var isZero = digits.IndexOfAnyExcept('0') < 0;
        if (_bytesSinceFirst < 0 || (!afterRepeat && isZero && (_canEndHere || restartsAnywhere)))
        {
            digits.CopyTo(_first);
            _firstLength = digits.Length;
            _bytesSinceFirst = 0;
            _firstLineBytes = -1;
            return null;
        }

        var radix = _radix;
        if (radix == 0)
        {
            // Learnt from the first line with bytes; after a '*' nothing tells it but the form: od's default
            // is octal (7 digits), the others hexadecimal.
            radix = afterRepeat ? (digits.Length == OdDigits ? 8 : 16)
                : _bytesSinceFirst == 0 ? 16 : RadixThatFits(digits);
            _radix = afterRepeat || _bytesSinceFirst > 0 ? radix : 0;
        }

        var distance = radix == 0 ? -1 : Distance(digits, radix);
        if (!afterRepeat && distance == _bytesSinceFirst)
        {
            Confirmations += distance > 0 ? 1 : 0;
            return null;
        }

        var gap = distance - _bytesSinceFirst;
        if (afterRepeat && distance >= 0 && lineLength > 0 && gap > 0 && gap % lineLength == 0)
        {
            Confirmations++;
            repeated = gap;
            _bytesSinceFirst = distance;
            return null;
        }

        var expected = radix == 0 ? string.Empty : $" (after the lines before, {Format(_bytesSinceFirst, radix)} was next)";
        return afterRepeat
            ? $"the offset {digits} after '*' is not a whole number of repeated {lineLength}-byte lines further on{expected}"
            : $"the offset {digits} does not follow from the line before{expected}: a line is missing or was changed";
    }

    /// <summary>The radix in which <paramref name="digits"/> follows from the lines before: hexadecimal but for od's 7 digits; 0 when none does.</summary>
    private int RadixThatFits(ReadOnlySpan<char> digits)
    {
        if (digits.Length != OdDigits)
        {
            return 16;
        }

        foreach (var radix in Radixes)
        {
            if (Distance(digits, radix) == _bytesSinceFirst)
            {
                return radix;
            }
        }

        return 0;
    }

    /// <summary>How many bytes <paramref name="digits"/> lies after the first offset, in <paramref name="radix"/>; -1 when it cannot.</summary>
    private long Distance(ReadOnlySpan<char> digits, int radix)
    {
        var at = Value(digits, radix);
        var first = Value(_first.AsSpan(0, _firstLength), radix);
        return at < 0 || first < 0 || at < first ? -1 : at - first;
    }

    private static long Value(ReadOnlySpan<char> digits, int radix)
    {
        long value = 0;
        foreach (var c in digits)
        {
            var digit = HexRun.NibbleOf(c);
            if (digit < 0 || digit >= radix || value > (long.MaxValue - digit) / radix)
            {
                return -1;
            }

            value = (value * radix) + digit;
        }

        return value;
    }

    private string Format(long bytes, int radix)
    {
        var value = Value(_first.AsSpan(0, _firstLength), radix) + bytes;
        return Convert.ToString(value, radix).PadLeft(_firstLength, '0');
    }
}
