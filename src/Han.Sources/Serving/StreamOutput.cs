namespace Han.Sources.Serving;

/// <summary>An output over a stream (standard output, a pseudo-terminal): no connections to drop.</summary>
public sealed class StreamOutput : IByteOutput
{
    private readonly Stream _stream;

    public StreamOutput(Stream stream)
    {
        _stream = stream ?? throw new ArgumentNullException(nameof(stream));
    }

    public ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) => _stream.WriteAsync(bytes, cancellationToken);

    public ValueTask FlushAsync(CancellationToken cancellationToken) => new(_stream.FlushAsync(cancellationToken));

    public ValueTask DropConnectionsAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
