using System.Threading.Channels;

namespace Han.Web;

/// <summary>
/// One browser's server-sent event stream of a meter: its own small bounded queue of reading JSON, so
/// a slow client (a phone on a bad line) never holds up han or another client. When the queue is full
/// the oldest reading is dropped and counted (the newest matters most for a live graph).
/// </summary>
internal sealed class StreamClient
{
    /// <summary>A minute of 2.5-second lists: room for a client that stalls for a moment.</summary>
    public const int Capacity = 32;

    private readonly Channel<byte[]> _queue;
    private readonly Action _dropped;

    public StreamClient(Action dropped)
    {
        _dropped = dropped ?? throw new ArgumentNullException(nameof(dropped));
        _queue = Channel.CreateBounded<byte[]>(
            new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => _dropped());
    }

    public ChannelReader<byte[]> Readings => _queue.Reader;

    /// <summary>Never waits.</summary>
    public void Offer(byte[] readingJson) => _queue.Writer.TryWrite(readingJson);

    public void End() => _queue.Writer.TryComplete();
}
