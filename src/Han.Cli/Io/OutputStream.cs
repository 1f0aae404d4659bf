namespace Han.Cli.Io;

/// <summary>
/// A stream han writes its results to, whose write failures become <see cref="OutputFailedException"/>
/// naming the target ("standard output"), so that the command can end with one clear line. After the
/// first failure, which is thrown, writes and flushes do nothing: the unwinding command disposes its
/// writers, and their last flush must not hide the first failure behind a second. The stream under it
/// stays its owner's.
/// </summary>
internal sealed class OutputStream : WriteOnlyStream
{
    private readonly Stream _inner;
    private readonly string _target;
    private bool _failed;

    public OutputStream(Stream inner, string target)
    {
        _inner = inner;
        _target = target;
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_failed)
        {
            return;
        }

        try
        {
            _inner.Write(buffer);
        }
        catch (Exception failure) when (IoFailure.Is(failure))
        {
            throw Fail(failure);
        }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_failed)
        {
            return;
        }

        try
        {
            await _inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure) when (IoFailure.Is(failure))
        {
            throw Fail(failure);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
        if (_failed)
        {
            return;
        }

        try
        {
            _inner.Flush();
        }
        catch (Exception failure) when (IoFailure.Is(failure))
        {
            throw Fail(failure);
        }
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_failed)
        {
            return;
        }

        try
        {
            await _inner.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure) when (IoFailure.Is(failure))
        {
            throw Fail(failure);
        }
    }

    private OutputFailedException Fail(Exception failure)
    {
        _failed = true;
        return new OutputFailedException(_target, failure);
    }
}
