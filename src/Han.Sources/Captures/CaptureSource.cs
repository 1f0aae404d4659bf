using Han.Sources.Live;

namespace Han.Sources.Captures;

/// <summary>
/// A han capture read as a live source (<c>han listen capture.han</c>, <c>han record capture.han</c>):
/// its pieces as fast as they are read, each with the time it was received when it was recorded. A
/// damaged line ends it with an <see cref="InvalidDataException"/> after every piece before it.
/// </summary>
public sealed class CaptureSource(CaptureStream capture, string description) : IByteSource
{
    public string Description { get; } = description;

    public IAsyncEnumerable<ReceivedChunk> ReadAsync(CancellationToken cancellationToken) => capture.Pieces.ReadChunksAsync(cancellationToken);
}
