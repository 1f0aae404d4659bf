namespace Han.Simulation;

/// <summary>Where the simulated meter's bytes go: standard output, a pseudo-terminal, TCP clients.</summary>
public interface IMeterOutput
{
    ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken);

    ValueTask FlushAsync(CancellationToken cancellationToken);

    /// <summary>The disconnect fault: connected clients are dropped (an output without connections does nothing).</summary>
    ValueTask DropConnectionsAsync(CancellationToken cancellationToken);
}
