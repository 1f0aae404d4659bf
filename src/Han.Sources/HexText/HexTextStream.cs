using Han.Pipeline;

namespace Han.Sources.HexText;

/// <summary>
/// The bytes a hex text spells, read as a stream in constant memory: characters come from a
/// <see cref="TextReader"/> (which has dealt with the text's encoding and byte-order mark) and go
/// through the <see cref="HexFormReader"/> of the form the text is written in. At the first thing that
/// cannot be read, every byte before it is delivered first; the next read throws an
/// <see cref="InvalidDataException"/> naming the form, the line and the column.
/// </summary>
internal sealed class HexTextStream : ReadOnlyStream
{
    private const int NeedText = -1;

    private readonly TextReader _text;
    private readonly HexFormReader _reader;
    private readonly char[] _chars = new char[8 * 1024];
    private int _charsLength;
    private int _charsPosition;
    private bool _textEnded;
    private InvalidDataException? _failure;

    public HexTextStream(TextReader text, HexFormReader reader)
    {
        _text = text;
        _reader = reader;
    }

    public override int Read(Span<byte> buffer)
    {
        int result;
        while ((result = Next(buffer)) == NeedText)
        {
            Refilled(_text.Read(_chars, 0, _chars.Length));
        }

        return result;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        // Standard input may be a pipe: wait for text without blocking a thread.
        int result;
        while ((result = Next(buffer.Span)) == NeedText)
        {
            Refilled(await _text.ReadAsync(_chars, cancellationToken).ConfigureAwait(false));
        }

        return result;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _text.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Refilled(int length)
    {
        _charsLength = length;
        _charsPosition = 0;
        _textEnded = length == 0;
    }

    /// <summary>Bytes from the characters at hand: a count, 0 at the end, or <see cref="NeedText"/>.</summary>
    private int Next(Span<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            int written;
            if (_reader.Error is { } error)
            {
                // The bytes from before the error go out first; then every read reports it.
                _reader.Decode([], buffer, out written);
                return written > 0 ? written : throw (_failure ??= error.ToException(_reader.Name));
            }

            if (_textEnded)
            {
                if (_reader.IsFinished)
                {
                    return 0;
                }

                written = _reader.Finish(buffer);
            }
            else if (_charsPosition < _charsLength)
            {
                _charsPosition += _reader.Decode(_chars.AsSpan(_charsPosition, _charsLength - _charsPosition), buffer, out written);
            }
            else
            {
                return NeedText;
            }

            if (written > 0)
            {
                return written;
            }
        }

        return 0;
    }
}
