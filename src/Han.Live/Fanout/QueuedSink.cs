using System.Threading.Channels;

namespace Han.Live.Fanout;

/// <summary>
/// One sink behind its own bounded queue, written by its own task (the buffers of Telegraf and Vector:
/// one slow output never blocks the inputs). Offering never waits: when the queue is full the oldest
/// event is dropped and counted, since for a live reader the newest reading matters most. A sink that
/// throws loses that one event (counted) and gets the next; a run of failures is reported once when it
/// starts and once when it ends, not once per event, so a full disk cannot flood the log.
/// </summary>
public sealed class QueuedSink : IAsyncDisposable
{
    private readonly IMeterSink _sink;
    private readonly Channel<MeterEvent> _queue;
    private readonly Action<string, NoteLevel> _report;
    private readonly CancellationTokenSource _abort = new();
    private readonly Task _writing;
    private long _failuresInARow;

    /// <param name="report">Where the queue tells about the sink's failures and recoveries (the log).</param>
    public QueuedSink(IMeterSink sink, int capacity, Action<string, NoteLevel> report)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _sink = sink ?? throw new ArgumentNullException(nameof(sink));
        _report = report ?? throw new ArgumentNullException(nameof(report));
        var options = new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = false,
        };
        _queue = Channel.CreateBounded<MeterEvent>(options, _ => Counters.CountDropped());
        _writing = Task.Run(WriteAllAsync);
    }

    public string Name => _sink.Name;

    public SinkCounters Counters { get; } = new();

    /// <summary>Events waiting in the queue now (the one being written is not counted).</summary>
    public int Queued => _queue.Reader.Count;

    /// <summary>Queues the event if the sink wants it; never waits.</summary>
    public void Offer(MeterEvent item)
    {
        if (!_sink.Accepts(item))
        {
            return;
        }

        Counters.CountOffered();
        if (!_queue.Writer.TryWrite(item))
        {
            Counters.CountDropped(); // offered after the end: not written, and said so
        }
    }

    /// <summary>
    /// Takes no more events and writes what is queued; after <paramref name="patience"/> the rest is
    /// given up (and counted as dropped). The sink is flushed and closed either way.
    /// </summary>
    public async Task CompleteAsync(TimeSpan patience)
    {
        _queue.Writer.TryComplete();
        _abort.CancelAfter(patience);
        await _writing.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await CompleteAsync(TimeSpan.Zero).ConfigureAwait(false);
        _abort.Dispose();
    }

    private async Task WriteAllAsync()
    {
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(_abort.Token).ConfigureAwait(false))
            {
                while (reader.TryRead(out var item))
                {
                    await WriteOneAsync(item).ConfigureAwait(false);
                }

                // The queue ran empty: a good moment to make what was written durable.
                await GuardAsync(() => _sink.FlushAsync(_abort.Token)).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            while (reader.TryRead(out _))
            {
                Counters.CountDropped(); // out of patience at shutdown
            }
        }
        finally
        {
            await GuardAsync(() => _sink.FlushAsync(CancellationToken.None)).ConfigureAwait(false);
            await GuardAsync(_sink.DisposeAsync).ConfigureAwait(false);
            if (_failuresInARow > 0)
            {
                _report($"{Name}: {_failuresInARow} events could not be written before the end", NoteLevel.Error);
            }
        }
    }

    private async Task WriteOneAsync(MeterEvent item)
    {
        bool written;
        try
        {
            written = await GuardAsync(() => _sink.WriteAsync(item, _abort.Token)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            Counters.CountDropped(); // given up while it was being written
            throw;
        }

        if (written)
        {
            Counters.CountWritten();
            if (_failuresInARow > 0)
            {
                _report($"{Name}: writing again; {_failuresInARow} events were lost meanwhile", NoteLevel.Information);
                _failuresInARow = 0;
            }
        }
        else
        {
            Counters.CountFailed();
        }
    }

    /// <summary>Runs a sink call; false (and the failure reported when a run of them starts) when it threw.</summary>
    private async Task<bool> GuardAsync(Func<ValueTask> call)
    {
        try
        {
            await call().ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // a sink's failure of any kind must not end the others or the service; it is counted and reported
        catch (Exception problem)
#pragma warning restore CA1031
        {
            if (_failuresInARow++ == 0)
            {
                _report($"{Name}: {problem.Message}; its events are counted as lost until it works again", NoteLevel.Error);
            }

            return false;
        }
    }
}
