using Han.Live.Fanout;

namespace Han.Storage;

/// <summary>
/// Writes a meter's readings to the history in batches: what arrives is kept in memory and written in
/// one transaction at least every <see cref="MaxDelay"/> (a timer writes even when no list follows),
/// on <see cref="FlushAsync"/> and at dispose, so a crash loses at most the last second. A write that
/// fails keeps its readings for the next attempt and is reported by the next <see cref="WriteAsync"/>
/// or <see cref="FlushAsync"/>, so the sink's queue counts it. The store belongs to the caller.
/// </summary>
public sealed class HistorySink : IMeterSink
{
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(1);

    private readonly IHistoryStore _store;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _timer;
    private readonly object _gate = new();
    private List<ReadingMade> _pending = [];
    private Exception? _backgroundFailure;

    public HistorySink(IHistoryStore store, string name, TimeProvider time)
    {
        _store = store;
        _time = time;
        Name = name;
        _timer = WriteEverySecondAsync();
    }

    public string Name { get; }

    public bool Accepts(MeterEvent item) => item is ReadingMade;

    public ValueTask WriteAsync(MeterEvent item, CancellationToken cancellationToken)
    {
        ThrowBackgroundFailure();
        if (item is ReadingMade reading)
        {
            lock (_gate)
            {
                _pending.Add(reading);
            }
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        ThrowBackgroundFailure();
        await WritePendingAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _timer.ConfigureAwait(false);
        await WritePendingAsync(CancellationToken.None).ConfigureAwait(false);
        _stop.Dispose();
        _writing.Dispose();
    }

    private async Task WriteEverySecondAsync()
    {
        using var timer = new PeriodicTimer(MaxDelay, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                try
                {
                    await WritePendingAsync(_stop.Token).ConfigureAwait(false);
                }
                catch (Exception failure) when (failure is not OperationCanceledException)
                {
                    // Told by the next call from the queue, which counts and logs it once per failure.
                    _backgroundFailure = failure;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed: the last readings are written by DisposeAsync.
        }
    }

    private async Task WritePendingAsync(CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            List<ReadingMade> batch;
            lock (_gate)
            {
                if (_pending.Count == 0)
                {
                    return;
                }

                batch = _pending;
                _pending = [];
            }

            try
            {
                await _store.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                lock (_gate)
                {
                    // Kept, in order, before what came since: written by the next attempt, not lost.
                    batch.AddRange(_pending);
                    _pending = batch;
                }

                throw;
            }
        }
        finally
        {
            _writing.Release();
        }
    }

    private void ThrowBackgroundFailure()
    {
        if (Interlocked.Exchange(ref _backgroundFailure, null) is { } failure)
        {
            throw new HistoryStoreException($"Writing to the history failed: {failure.Message}", failure);
        }
    }
}
