namespace Han.Sources.HexText;

/// <summary>
/// A <c>*</c> line of a dump (hexdump, od and <c>xxd -a</c> write one for lines equal to the line
/// before) stands for copies of that line, as many as the next offset says. The copies are owed to the
/// output and written as there is room. The <c>*</c> lines of one text together stand for at most
/// <see cref="MaxBytes"/>: more than a HAN line at 2400 baud sends in three days, and far more than
/// the equal lines (idle filler, zeros) of any real capture. An offset that says more is a typo or a
/// hostile text, which would otherwise have han write gigabytes of invented bytes for a few lines of
/// text (a <c>*</c> and an offset each) or, for an offset near 2^63, for ever.
/// </summary>
internal sealed class RepeatedLine
{
    public const long MaxBytes = 64L * 1024 * 1024;

    private readonly byte[] _line = new byte[DumpLine.MaxBytes];
    private int _length;
    private long _remaining;
    private long _expanded;
    private int _index;

    /// <summary>True from a '*' until the offset that says how far it goes.</summary>
    public bool IsPending { get; private set; }

    /// <summary>Where the pending '*' stands.</summary>
    public TextPosition At { get; private set; }

    /// <summary>True when a '*' may stand here: after a line with bytes that were kept, and not right after another '*'.</summary>
    public bool CanStart => _length > 0 && !IsPending;

    /// <summary>The bytes of the line a '*' would repeat.</summary>
    public int LineLength => _length;

    /// <summary>A line with bytes has ended: it is the one a '*' after it repeats.</summary>
    public void Remember(DumpLine line)
    {
        _length = line.IsKept ? (int)line.Length : 0;
        line.Bytes.CopyTo(_line);
    }

    /// <summary>A line could not be read: no '*' after it repeats anything, and a pending one is dropped.</summary>
    public void Forget()
    {
        _length = 0;
        IsPending = false;
    }

    public void Start(TextPosition at)
    {
        IsPending = true;
        At = at;
    }

    /// <summary>The offset after the '*' says its copies make <paramref name="bytes"/>; null when they are owed, else why not.</summary>
    public string? Expand(long bytes)
    {
        IsPending = false;
        if (bytes > MaxBytes - _expanded)
        {
            var before = _expanded == 0 ? string.Empty : $", with the {_expanded} bytes the '*' lines before it stood for";
            return $"the '*' on line {At.Line} would repeat the line before {bytes / _length} times ({bytes} bytes){before}, more than the {MaxBytes / (1024 * 1024)} MiB the '*' lines of one text may stand for: check the offset after it; if the capture really holds that many equal lines, give han the binary file the dump was made from";
        }

        _expanded += bytes;
        _remaining = bytes;
        _index = 0;
        return null;
    }

    /// <summary>Writes copies owed while there is room; true while some are still owed.</summary>
    public bool Flush(ref ByteSink output)
    {
        while (_remaining > 0 && !output.IsFull)
        {
            // The rest of the line from where the last write stopped, or less when fewer bytes are owed.
            var written = output.Write(_line.AsSpan(_index, (int)Math.Min(_length - _index, _remaining)));
            _remaining -= written;
            _index = (_index + written) % _length;
        }

        return _remaining > 0;
    }
}
