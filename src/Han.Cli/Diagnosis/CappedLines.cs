using Han.Cli.Io;

namespace Han.Cli.Diagnosis;

/// <summary>
/// The decoded output as it goes into a bundle: whole lines up to a size limit, the rest counted and
/// left out, so that an overnight capture gives a bundle one can attach to a bug report and memory
/// stays constant. A failing write (a full disk) is kept for the end instead of thrown: it must not
/// stop the diagnosis the user is waiting for.
/// </summary>
internal sealed class CappedLines : WriteOnlyStream
{
    private readonly Stream _inner;
    private readonly long _limit;
    private bool _full;

    public CappedLines(Stream inner, long limit)
    {
        _inner = inner;
        _limit = limit;
    }

    /// <summary>Bytes kept.</summary>
    public long Kept { get; private set; }

    /// <summary>Lines left out after the limit (counted by their line breaks; a last line without one is not counted).</summary>
    public long LinesLeftOut { get; private set; }

    /// <summary>The first write that failed, if any; nothing was written after it.</summary>
    public Exception? Failure { get; private set; }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (!_full && Kept + buffer.Length > _limit)
        {
            // Keep the lines that fit whole; everything from the first that does not is left out.
            var fits = buffer[..(int)(_limit - Kept)].LastIndexOf((byte)'\n') + 1;
            Pass(buffer[..fits]);
            buffer = buffer[fits..];
            _full = true;
        }

        if (_full)
        {
            LinesLeftOut += buffer.Count((byte)'\n');
            return;
        }

        Pass(buffer);
    }

    public override void Flush()
    {
    }

    private void Pass(ReadOnlySpan<byte> bytes)
    {
        if (Failure is not null || bytes.IsEmpty)
        {
            return;
        }

        try
        {
            _inner.Write(bytes);
            Kept += bytes.Length;
        }
        catch (Exception failure) when (IoFailure.Is(failure))
        {
            Failure = failure;
        }
    }
}
