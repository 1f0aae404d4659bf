namespace Han.Sources.Serving;

/// <summary>Where a played meter's bytes go (<c>han simulate</c>, <c>han replay</c>): standard output, a pseudo-terminal, TCP clients.</summary>
public interface IByteOutput
{
    ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken);

    ValueTask FlushAsync(CancellationToken cancellationToken);

    /// <summary>A simulated disconnect: connected clients are dropped (an output without connections does nothing).</summary>
    ValueTask DropConnectionsAsync(CancellationToken cancellationToken);
}
