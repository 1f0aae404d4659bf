using Han.Pipeline;

namespace Han.Cli.Io;

/// <summary>
/// Standard input whose reads give way to cancellation. A read from a pipe or a terminal blocks in the
/// system until bytes come, and no token reaches into it; so each read runs on the thread pool and the
/// caller stops waiting when the token is cancelled (the abandoned read ends with the process).
/// </summary>
internal sealed class CancellableInput : ReadOnlyStream
{
    private readonly Stream _inner;

    public CancellableInput(Stream inner)
    {
        _inner = inner;
    }

    public override int Read(Span<byte> buffer) => _inner.Read(buffer);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        new(Task.Run(() => _inner.Read(buffer.Span), CancellationToken.None).WaitAsync(cancellationToken));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
