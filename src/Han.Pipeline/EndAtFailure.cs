using System.Runtime.ExceptionServices;

namespace Han.Pipeline;

/// <summary>
/// A read-only view of an input that ends where the input fails (a read error, a stray character in
/// hex text), keeping the failure for later. The decoder then finishes with every byte that came before
/// the failure, as it would at the input's end, and only then is the failure thrown: bytes already
/// delivered are never lost behind an error, even those the decoder still held, waiting for more.
/// </summary>
internal sealed class EndAtFailure : ReadOnlyStream
{
    private readonly Stream _input;
    private ExceptionDispatchInfo? _failure;

    public EndAtFailure(Stream input)
    {
        _input = input;
    }

    /// <summary>Throws the failure that ended the input, if one did.</summary>
    public void ThrowIfFailed() => _failure?.Throw();

    public override int Read(Span<byte> buffer)
    {
        if (_failure is not null)
        {
            return 0;
        }

        try
        {
            return _input.Read(buffer);
        }
        catch (Exception failure) when (IsInputFailure(failure))
        {
            _failure = ExceptionDispatchInfo.Capture(failure);
            return 0;
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_failure is not null)
        {
            return 0;
        }

        try
        {
            return await _input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure) when (IsInputFailure(failure))
        {
            _failure = ExceptionDispatchInfo.Capture(failure);
            return 0;
        }
    }

    /// <summary>What a failing input throws; cancellation is not a failure of the input and passes.</summary>
    private static bool IsInputFailure(Exception failure) => failure is IOException or InvalidDataException or UnauthorizedAccessException;
}
