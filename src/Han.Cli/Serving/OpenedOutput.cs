using Han.Sources.Serving;

namespace Han.Cli.Serving;

/// <summary>An output for a meter's bytes together with what must be closed when the run ends.</summary>
internal sealed class OpenedOutput(IByteOutput output, IAsyncDisposable? owned) : IByteOutput, IAsyncDisposable
{
    public ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) => output.WriteAsync(bytes, cancellationToken);

    public ValueTask FlushAsync(CancellationToken cancellationToken) => output.FlushAsync(cancellationToken);

    public ValueTask DropConnectionsAsync(CancellationToken cancellationToken) => output.DropConnectionsAsync(cancellationToken);

    public ValueTask DisposeAsync() => owned?.DisposeAsync() ?? ValueTask.CompletedTask;
}
