namespace Han.Live.Fanout;

/// <summary>Hands each event of a meter to every sink's queue (DESIGN.md §1.1); never waits on a sink.</summary>
public sealed class MeterFanOut : IAsyncDisposable
{
    private readonly IReadOnlyList<QueuedSink> _queues;

    public MeterFanOut(IReadOnlyList<QueuedSink> queues)
    {
        _queues = queues ?? throw new ArgumentNullException(nameof(queues));
    }

    public IReadOnlyList<QueuedSink> Queues => _queues;

    public void Publish(MeterEvent item)
    {
        foreach (var queue in _queues)
        {
            queue.Offer(item);
        }
    }

    /// <summary>Writes what every queue holds, each given the same <paramref name="patience"/>, together.</summary>
    public Task CompleteAsync(TimeSpan patience) => Task.WhenAll(_queues.Select(q => q.CompleteAsync(patience)));

    public async ValueTask DisposeAsync()
    {
        foreach (var queue in _queues)
        {
            await queue.DisposeAsync().ConfigureAwait(false);
        }
    }
}
