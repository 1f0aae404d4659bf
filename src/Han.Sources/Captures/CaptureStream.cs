using Han.Pipeline;

namespace Han.Sources.Captures;

/// <summary>
/// A han capture as the input it recorded: read as a stream, it gives the bytes of its pieces one after
/// another, so that whatever reads bytes reads a capture right. A reader that keeps receive times reads
/// <see cref="Pieces"/> instead (one or the other, not both). Owns the capture stream.
/// </summary>
public sealed class CaptureStream : ReadOnlyStream
{
    private readonly Stream _capture;
    private ReadOnlyMemory<byte> _rest;

    public CaptureStream(Stream capture)
    {
        _capture = capture ?? throw new ArgumentNullException(nameof(capture));
        Pieces = new CaptureReader(capture);
    }

    /// <summary>The capture's pieces with their recorded receive times.</summary>
    public CaptureReader Pieces { get; }

    public override int Read(Span<byte> buffer)
    {
        while (_rest.IsEmpty)
        {
            if (Pieces.ReadPiece() is not { } piece)
            {
                return 0;
            }

            _rest = piece.Chunk.Bytes;
        }

        return Take(buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_rest.IsEmpty)
        {
            if (await Pieces.ReadPieceAsync(cancellationToken).ConfigureAwait(false) is not { } piece)
            {
                return 0;
            }

            _rest = piece.Chunk.Bytes;
        }

        return Take(buffer.Span);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _capture.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Take(Span<byte> buffer)
    {
        var take = Math.Min(buffer.Length, _rest.Length);
        _rest.Span[..take].CopyTo(buffer);
        _rest = _rest[take..];
        return take;
    }
}
