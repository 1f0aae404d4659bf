namespace Han.Sources.HexText;

/// <summary>
/// Reads one written form of hex bytes (one subclass per form) a character at a time: the state between
/// two characters is a few fields, so a text of any length is read in constant memory, and the same
/// reader serves a whole file and the sample that chose the form. Positions (<see cref="TextCursor"/>)
/// and runs of digits (<see cref="HexRun"/>) are dealt with here, once for every form, so each error
/// names its line and column the same way and an odd run fails the same way.
/// </summary>
internal abstract class HexFormReader
{
    private readonly TextCursor _cursor = new();
    private bool _closing;
    private bool _owing;

    /// <summary>What the reader calls this form in messages ("hex text", "C array", "hex dump").</summary>
    public abstract string Name { get; }

    /// <summary>What could not be read; reading stops there until <see cref="Recover"/>.</summary>
    public HexFormError? Error { get; private set; }

    /// <summary>The first error since the reader was made (the sample's trial goes on past errors).</summary>
    public HexFormError? FirstError { get; private set; }

    /// <summary>How many errors there were, each counted once however much it spoiled after it.</summary>
    public int ErrorCount { get; private set; }

    /// <summary>How many bytes the digits read so far make, whether they were given out or not (an odd run's were not).</summary>
    public long BytesMade => Run.BytesMade;

    /// <summary>True once <see cref="Finish"/> has read the end of the text.</summary>
    public bool IsFinished { get; private set; }

    /// <summary>The position of the character being read.</summary>
    protected TextPosition Position => _cursor.Position;

    /// <summary>The run of digits being read (or the last one); its bytes go out when it ends whole.</summary>
    protected HexRun Run { get; } = new();

    /// <summary>
    /// Reads characters of <paramref name="text"/> until it is used up, <paramref name="bytes"/> is full
    /// or <see cref="Error"/> is set; returns how many characters were read. Bytes owed (a run that ended,
    /// a dump's repeated lines) are written before the next character is read, so a character is read
    /// only while nothing is owed and the buffer has room; after an error, a call with no text writes
    /// what is still owed from before it.
    /// </summary>
    public int Decode(ReadOnlySpan<char> text, Span<byte> bytes, out int written)
    {
        var output = new ByteSink(bytes);
        var read = 0;
        while (true)
        {
            // Owed bytes go out even after an error: they come from before it.
            if (Run.IsOwing)
            {
                Run.Flush(ref output);
            }

            if (_owing)
            {
                _owing = Flush(ref output);
            }

            if (Error is not null || output.IsFull || read == text.Length)
            {
                break;
            }

            if (_cursor.HasHalf && _cursor.TakeLoneHalf(text[read], out var alone))
            {
                Read(alone);
            }
            else if (_cursor.Take(text[read++], out var c))
            {
                Read(c);
            }
        }

        written = output.Written;
        return read;
    }

    /// <summary>
    /// The text has ended. Reads one line break more (the last line of a text need not end with one; this
    /// ends it as every other line ends), writes what is still owed, then sets <see cref="Error"/> when
    /// something was left open. Call until <see cref="IsFinished"/>; returns the bytes written.
    /// </summary>
    public int Finish(Span<byte> bytes)
    {
        var read = Decode(_closing ? ReadOnlySpan<char>.Empty : "\n", bytes, out var written);
        _closing |= read == 1;
        if (_closing && Error is null && written < bytes.Length)
        {
            // Room left over means nothing is owed any more.
            End();
            IsFinished = true;
        }

        return written;
    }

    /// <summary>
    /// Goes on after an error, as the sample's trial does to count how much of it reads: each reader has
    /// already put itself past the spot (the rest of a word or of a dump line).
    /// </summary>
    public void Recover() => Error = null;

    /// <summary>Reads one character; every line end arrives as '\n'.</summary>
    protected abstract void Read(char c);

    protected abstract void End();

    /// <summary>Writes bytes owed from before (<see cref="Owe"/>: a dump's repeated lines) while there is room; true while some are still owed.</summary>
    protected virtual bool Flush(ref ByteSink output) => false;

    /// <summary>Bytes of the reader's own are owed: <see cref="Flush"/> is called before the next character until it has written them.</summary>
    protected void Owe() => _owing = true;

    /// <summary>The character being read as a message shows it (the whole code point).</summary>
    protected string DescribeCurrent() => HexFormError.Describe(_cursor.CodePoint);

    /// <summary>Starts a run of digits at the character being read.</summary>
    protected void BeginRun() => Run.Begin(Position);

    /// <summary>
    /// Ends the run being read, if one is: true when its digits paired up (its bytes go out), false when
    /// it had an odd number (none does, and the error says where the run was).
    /// </summary>
    protected bool EndRun()
    {
        if (!Run.IsOpen || Run.End())
        {
            return true;
        }

        Fail(Run.Start, Run.OddDetail);
        return false;
    }

    /// <summary>Records an error; the first one stands (what follows from it is no news).</summary>
    protected void Fail(TextPosition at, string detail)
    {
        if (Error is null)
        {
            Error = new(at, detail);
            FirstError ??= Error;
            ErrorCount++;
        }
    }
}
