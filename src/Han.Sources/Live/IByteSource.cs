namespace Han.Sources.Live;

/// <summary>
/// A live source of meter bytes: a serial device, a TCP bridge. It reads until cancelled and recovers
/// by itself from what a line does over years (an unplugged adapter, a restarted bridge), telling what
/// happens through its events. A problem that retrying cannot fix (no such device, no permission) ends
/// the reading with a <see cref="SourceUnavailableException"/> whose message says what to do.
/// </summary>
public interface IByteSource
{
    /// <summary>What the source is, for messages: <c>tcp://pi:3001</c>, <c>/dev/ttyUSB0 (2400 8E1)</c>.</summary>
    string Description { get; }

    IAsyncEnumerable<ReceivedChunk> ReadAsync(CancellationToken cancellationToken);
}
