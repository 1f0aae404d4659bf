namespace Han.Pipeline.Tests;

/// <summary>A stream that hands out at most a few bytes per read, like a slow serial line.</summary>
internal sealed class TrickleStream : MemoryStream
{
    private readonly int _maxRead;

    public TrickleStream(byte[] data, int maxRead)
        : base(data)
    {
        _maxRead = maxRead;
    }

    public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, _maxRead));

    public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, _maxRead)]);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        base.ReadAsync(buffer[..Math.Min(buffer.Length, _maxRead)], cancellationToken);
}
