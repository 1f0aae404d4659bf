using System.Globalization;
using System.Runtime.CompilerServices;
using Han.Protocol;
using Han.Sources.Live;

namespace Han.Sources.Captures;

/// <summary>
/// Reads a han capture (docs/capture-format.md) back as the pieces that arrived, each with its recorded
/// receive time, a line at a time: memory stays the same whether the capture holds a minute or a month.
/// A line that is not a comment, a time and hex is an <see cref="InvalidDataException"/> naming the line,
/// thrown when it is reached, so every piece before it has been delivered. The stream stays the caller's.
/// </summary>
public sealed class CaptureReader
{
    /// <summary>A line holds one read of a source (a few KiB); a line longer than this is not a capture's.</summary>
    public const int MaxLineLength = 1024 * 1024;

    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";
    private const string Repair = "correct or delete that line (a line cut short when a recording was interrupted can be deleted), or turn it into a comment by starting it with '#'";

    private readonly Stream _capture;
    private byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;
    private bool _ended;
    private int _lineNumber;
    private bool _sessionStarted = true;

    public CaptureReader(Stream capture)
    {
        _capture = capture ?? throw new ArgumentNullException(nameof(capture));
    }

    /// <summary>Reads a whole capture as the chunks that arrived.</summary>
    public static IAsyncEnumerable<ReceivedChunk> ReadAsync(Stream capture, CancellationToken cancellationToken) =>
        new CaptureReader(capture).ReadChunksAsync(cancellationToken);

    /// <summary>The next piece, or null at the end of the capture.</summary>
    public CapturePiece? ReadPiece()
    {
        CapturePiece? piece;
        while (!TryTake(out piece))
        {
            Received(_capture.Read(Room().Span));
        }

        return piece;
    }

    /// <summary>The next piece, or null at the end of the capture.</summary>
    public async ValueTask<CapturePiece?> ReadPieceAsync(CancellationToken cancellationToken)
    {
        CapturePiece? piece;
        while (!TryTake(out piece))
        {
            // A local file's reads finish at once and may never look at the token: look here.
            cancellationToken.ThrowIfCancellationRequested();
            Received(await _capture.ReadAsync(Room(), cancellationToken).ConfigureAwait(false));
        }

        return piece;
    }

    public async IAsyncEnumerable<CapturePiece> ReadPiecesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await ReadPieceAsync(cancellationToken).ConfigureAwait(false) is { } piece)
        {
            yield return piece;
        }
    }

    /// <summary>
    /// The pieces as a source's chunks. A recording session after the first does not continue the one
    /// before (the recording was stopped, perhaps in the middle of a frame), so its first piece comes
    /// after a break (<see cref="ReceivedChunk.AfterBreak"/>).
    /// </summary>
    public async IAsyncEnumerable<ReceivedChunk> ReadChunksAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var first = true;
        while (await ReadPieceAsync(cancellationToken).ConfigureAwait(false) is { } piece)
        {
            yield return piece.StartsSession && !first ? piece.Chunk with { AfterBreak = true } : piece.Chunk;
            first = false;
        }
    }

    /// <summary>True with the next piece (null at the end), false when more bytes must be read first.</summary>
    private bool TryTake(out CapturePiece? piece)
    {
        piece = null;
        while (true)
        {
            var pending = _buffer.AsSpan(_start, _end - _start);
            var length = pending.IndexOf((byte)'\n');
            if (length < 0)
            {
                if (!_ended)
                {
                    return pending.Length <= MaxLineLength
                        ? false
                        : throw new InvalidDataException($"capture, line {_lineNumber + 1}: longer than {MaxLineLength / (1024 * 1024)} MiB without a line end, while a capture line holds one read of a source; this is not a han capture, or it is damaged");
                }

                if (pending.IsEmpty)
                {
                    return true;
                }

                length = pending.Length; // the last line, without a line end
            }

            _start += Math.Min(length + 1, pending.Length);
            _lineNumber++;
            if (TryParse(pending[..length], out piece))
            {
                return true;
            }
        }
    }

    /// <summary>Where the next read goes: the line begun so far moved to the front, the buffer grown when it is full.</summary>
    private Memory<byte> Room()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        return _buffer.AsMemory(_end);
    }

    private void Received(int read)
    {
        _ended = read == 0;
        _end += read;
    }

    /// <summary>A data line as its piece; false for a comment or an empty line.</summary>
    private bool TryParse(ReadOnlySpan<byte> line, out CapturePiece? piece)
    {
        piece = null;
        if (_lineNumber == 1 && line.StartsWith("\uFEFF"u8))
        {
            line = line[3..];
        }

        line = line.TrimEnd("\r\t "u8);
        if (line.IsEmpty)
        {
            return false;
        }

        if (line[0] == (byte)'#')
        {
            _sessionStarted |= IsSessionStart(line);
            return false;
        }

        var space = line.IndexOf((byte)' ');
        if (space < 0 || !TryParseTime(line[..space], out var received))
        {
            throw Damaged(": expected a receive time such as 2026-12-01T20:00:00.123Z, a space and hex bytes");
        }

        piece = new CapturePiece(new ReceivedChunk(ParseHex(line, space + 1), received), _sessionStarted);
        _sessionStarted = false;
        return true;
    }

    /// <summary>The comment a recording starts with: <c># 2026-12-01T20:00:00.000Z recording SOURCE</c>.</summary>
    private static bool IsSessionStart(ReadOnlySpan<byte> comment)
    {
        var text = comment[1..].TrimStart((byte)' ');
        var space = text.IndexOf((byte)' ');
        return space > 0 && TryParseTime(text[..space], out _) && text[(space + 1)..].StartsWith("recording "u8);
    }

    private static bool TryParseTime(ReadOnlySpan<byte> text, out DateTimeOffset time)
    {
        time = default;
        Span<char> chars = stackalloc char[40];
        if (text.Length > chars.Length)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            chars[i] = (char)text[i]; // a byte above 0x7F becomes a character no time holds
        }

        return DateTimeOffset.TryParseExact(chars[..text.Length], TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time);
    }

    private byte[] ParseHex(ReadOnlySpan<byte> line, int start)
    {
        var hex = line[start..].TrimStart((byte)' ');
        var first = line.Length - hex.Length;
        for (var i = 0; i < hex.Length; i++)
        {
            if (HexDigit.ValueOf(hex[i]) < 0)
            {
                var shown = hex[i] is >= 0x21 and < 0x7F ? $"'{(char)hex[i]}'" : $"the byte 0x{hex[i]:X2}";
                throw Damaged($", column {first + i + 1}: {shown} is not a hex digit");
            }
        }

        if (hex.Length % 2 != 0)
        {
            throw Damaged(": the bytes after the receive time are not an even number of hex digits");
        }

        var bytes = new byte[hex.Length / 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)((HexDigit.ValueOf(hex[2 * i]) << 4) | HexDigit.ValueOf(hex[(2 * i) + 1]));
        }

        return bytes;
    }

    /// <param name="problem">What is wrong, after the line number: <c>: ...</c> or <c>, column N: ...</c>.</param>
    private InvalidDataException Damaged(string problem) => new($"capture, line {_lineNumber}{problem}; {Repair}");
}
