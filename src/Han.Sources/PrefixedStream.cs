using Han.Pipeline;

namespace Han.Sources;

/// <summary>A read-only stream that yields some bytes already read, then the rest of another stream.</summary>
internal sealed class PrefixedStream : ReadOnlyStream
{
    private readonly Stream _rest;
    private ReadOnlyMemory<byte> _prefix;

    public PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest)
    {
        _prefix = prefix;
        _rest = rest;
    }

    public override int Read(Span<byte> buffer)
    {
        if (_prefix.IsEmpty)
        {
            return _rest.Read(buffer);
        }

        var take = Math.Min(buffer.Length, _prefix.Length);
        _prefix.Span[..take].CopyTo(buffer);
        _prefix = _prefix[take..];
        return take;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _prefix.IsEmpty ? _rest.ReadAsync(buffer, cancellationToken) : ValueTask.FromResult(Read(buffer.Span));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _rest.Dispose();
        }

        base.Dispose(disposing);
    }
}
