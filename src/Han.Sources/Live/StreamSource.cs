using System.Runtime.CompilerServices;

namespace Han.Sources.Live;

/// <summary>
/// A stream read as a live source: standard input from a pipe (<c>ssh pi cat /dev/ttyUSB0 | han listen -</c>)
/// or a file. Each read is one chunk with the time it arrived; the source ends with the stream.
/// </summary>
public sealed class StreamSource : IByteSource
{
    private readonly Stream _stream;
    private readonly TimeProvider _time;

    public StreamSource(Stream stream, string description, TimeProvider time)
    {
        _stream = stream;
        Description = description;
        _time = time;
    }

    public string Description { get; }

    public async IAsyncEnumerable<ReceivedChunk> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await _stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new ReceivedChunk(buffer.AsMemory(0, read).ToArray(), _time.GetUtcNow());
        }
    }
}
