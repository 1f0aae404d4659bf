using Han.Protocol;

namespace Han.Sources;

/// <summary>
/// Reads hexadecimal text as the bytes it spells, streaming (constant memory). Whitespace and line
/// breaks are ignored anywhere; any other character stops the stream with an
/// <see cref="InvalidDataException"/> that names its line and column, after every byte before it was
/// delivered.
/// </summary>
public sealed class HexTextStream : ReadOnlyStream
{
    private readonly Stream _text;
    private readonly byte[] _chunk = new byte[16 * 1024];
    private int _chunkLength;
    private int _chunkPosition;
    private int _pendingNibble = -1;
    private long _line = 1;
    private long _column;

    public HexTextStream(Stream text)
    {
        _text = text ?? throw new ArgumentNullException(nameof(text));
    }

    public override int Read(Span<byte> buffer)
    {
        var written = 0;
        while (written < buffer.Length)
        {
            if (_chunkPosition == _chunkLength)
            {
                if (written > 0)
                {
                    return written;
                }

                _chunkLength = _text.Read(_chunk, 0, _chunk.Length);
                _chunkPosition = 0;
                if (_chunkLength == 0)
                {
                    ThrowIfOddDigit();
                    return 0;
                }
            }

            var c = _chunk[_chunkPosition++];
            _column++;
            var nibble = HexDigit.ValueOf(c);
            if (nibble < 0)
            {
                if (c == '\n')
                {
                    _line++;
                    _column = 0;
                }
                else if (c is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
                {
                    if (written > 0)
                    {
                        // Deliver the bytes before the bad character first; the next read reports it.
                        _chunkPosition--;
                        _column--;
                        return written;
                    }

                    throw new InvalidDataException($"hex input, line {_line}, column {_column}: '{(char)c}' (0x{c:X2}) is not a hex digit or whitespace");
                }

                continue;
            }

            if (_pendingNibble < 0)
            {
                _pendingNibble = nibble;
            }
            else
            {
                buffer[written++] = (byte)((_pendingNibble << 4) | nibble);
                _pendingNibble = -1;
            }
        }

        return written;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        // Hex files are local; refill synchronously is fine, but honour async streams such as stdin.
        if (_chunkPosition == _chunkLength)
        {
            _chunkLength = await _text.ReadAsync(_chunk, cancellationToken).ConfigureAwait(false);
            _chunkPosition = 0;
            if (_chunkLength == 0)
            {
                ThrowIfOddDigit();
                return 0;
            }
        }

        return Read(buffer.Span);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _text.Dispose();
        }

        base.Dispose(disposing);
    }

    private void ThrowIfOddDigit()
    {
        if (_pendingNibble >= 0)
        {
            _pendingNibble = -1;
            throw new InvalidDataException($"hex input ends with an odd number of digits (line {_line}, column {_column}); the last digit was not used");
        }
    }
}
