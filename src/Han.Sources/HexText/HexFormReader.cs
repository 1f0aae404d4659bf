namespace Han.Sources.HexText;

/// <summary>
/// Reads one written form of hex bytes (one subclass per form) a character at a time: the state between
/// two characters is a few fields, so a text of any length is read in constant memory, and the same
/// reader serves a whole file and the sample that chose the form. Positions are counted here
/// (<see cref="TextCursor"/>), once for every form, so each error names its line and column the same way.
/// </summary>
internal abstract class HexFormReader
{
    private readonly TextCursor _cursor = new();
    private bool _closing;

    /// <summary>What the reader calls this form in messages ("hex text", "C array", "hex dump").</summary>
    public abstract string Name { get; }

    /// <summary>What could not be read; reading stops there until <see cref="Recover"/>.</summary>
    public HexFormError? Error { get; private set; }

    /// <summary>The first error since the reader was made (the sample's trial goes on past errors).</summary>
    public HexFormError? FirstError { get; private set; }

    /// <summary>How many errors there were, each counted once however much it spoiled after it.</summary>
    public int ErrorCount { get; private set; }

    /// <summary>True once <see cref="Finish"/> has read the end of the text.</summary>
    public bool IsFinished { get; private set; }

    /// <summary>The position of the character being read.</summary>
    protected TextPosition Position => _cursor.Position;

    /// <summary>
    /// Reads characters of <paramref name="text"/> until it is used up, <paramref name="bytes"/> is full
    /// or <see cref="Error"/> is set; returns how many characters were read. Each character yields at
    /// most one byte, so a character is read only while the buffer has room.
    /// </summary>
    public int Decode(ReadOnlySpan<char> text, Span<byte> bytes, out int written)
    {
        var output = new ByteSink(bytes);
        var read = 0;
        while (Error is null)
        {
            Flush(ref output);
            if (output.IsFull || read == text.Length)
            {
                break;
            }

            if (_cursor.TakeLoneHalf(text[read], out var alone))
            {
                Read(alone, ref output);
            }
            else if (_cursor.Take(text[read++], out var c))
            {
                Read(c, ref output);
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
    protected abstract void Read(char c, ref ByteSink output);

    protected abstract void End();

    /// <summary>Writes bytes owed from before (a dump's repeated lines) while there is room.</summary>
    protected virtual void Flush(ref ByteSink output)
    {
    }

    /// <summary>The character being read as a message shows it (the whole code point).</summary>
    protected string DescribeCurrent() => HexFormError.Describe(_cursor.CodePoint);

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
