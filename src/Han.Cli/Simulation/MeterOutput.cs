using Han.Simulation;

namespace Han.Cli.Simulation;

/// <summary>An output for the simulated meter together with what must be closed when the run ends.</summary>
internal sealed class MeterOutput(IMeterOutput output, IAsyncDisposable? owned) : IMeterOutput, IAsyncDisposable
{
    public ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) => output.WriteAsync(bytes, cancellationToken);

    public ValueTask FlushAsync(CancellationToken cancellationToken) => output.FlushAsync(cancellationToken);

    public ValueTask DropConnectionsAsync(CancellationToken cancellationToken) => output.DropConnectionsAsync(cancellationToken);

    public ValueTask DisposeAsync() => owned?.DisposeAsync() ?? ValueTask.CompletedTask;
}
