using Han.Sources.Serving;

namespace Han.Cli.Serving;

/// <summary>
/// A meter's bytes written to a device (a pseudo-terminal). A write to a terminal nobody reads
/// blocks in the system once its buffer is full, and no token reaches into it; so each write runs on
/// the thread pool and Ctrl-C stops the waiting (as <c>CancellableInput</c> does for reads).
/// </summary>
internal sealed class DeviceOutput(Stream device) : IByteOutput
{
    public ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) =>
        new(Task.Run(() => device.Write(bytes.Span), CancellationToken.None).WaitAsync(cancellationToken));

    public ValueTask FlushAsync(CancellationToken cancellationToken) =>
        new(Task.Run(device.Flush, CancellationToken.None).WaitAsync(cancellationToken));

    public ValueTask DropConnectionsAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
