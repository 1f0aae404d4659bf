using System.Globalization;
using Han.Live.Fanout;

namespace Han.Storage;

/// <summary>
/// Writes a meter's readings to the history in batches: what arrives is kept in memory and written in
/// one transaction at least every <see cref="MaxDelay"/> (a timer writes even when no list follows),
/// on <see cref="FlushAsync"/> and at dispose, so a crash loses at most the last second. A write that
/// fails keeps its readings for the next attempt, up to <see cref="HistorySinkOptions.MaxPending"/>;
/// beyond that the oldest are dropped and counted (<see cref="Dropped"/>). Failures, drops and the
/// recovery are told through <see cref="HistorySinkOptions.Report"/> once per run of failures, or, without
/// it, thrown by the next <see cref="WriteAsync"/> or <see cref="FlushAsync"/> for the sink's queue to
/// count. The store belongs to the caller.
/// </summary>
public sealed class HistorySink : IMeterSink
{
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(1);

    private readonly IHistoryStore _store;
    private readonly HistorySinkOptions _options;
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _timer;
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private List<ReadingMade> _pending = [];
    private Exception? _backgroundFailure;
    private bool _failing;
    private long _dropped;
    private long _droppedThisRun;

    public HistorySink(IHistoryStore store, string name, TimeProvider time)
        : this(store, name, time, new HistorySinkOptions())
    {
    }

    public HistorySink(IHistoryStore store, string name, TimeProvider time, HistorySinkOptions options)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxPending, 1);
        _time = time;
        Name = name;
        _timer = WriteEverySecondAsync();
    }

    public string Name { get; }

    /// <summary>Readings dropped (the oldest) because the store failed while more than the most kept were waiting.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Readings waiting to be written.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    public bool Accepts(MeterEvent item) => item is ReadingMade;

    public ValueTask WriteAsync(MeterEvent item, CancellationToken cancellationToken)
    {
        ThrowBackgroundFailure();
        if (item is ReadingMade reading)
        {
            lock (_gate)
            {
                _pending.Add(reading);
                DropOldestBeyondCap();
            }
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        ThrowBackgroundFailure();
        try
        {
            await WritePendingAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            Failed(failure);
            if (_options.Report is null)
            {
                _backgroundFailure = null; // thrown here, not again by the next call
                throw;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _timer.ConfigureAwait(false);
        try
        {
            await WritePendingAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception failure) when (_options.Report is { } report)
        {
            report(Invariant($"{Name}: {Pending} readings could not be written before the end ({failure.Message})"), NoteLevel.Error);
        }
        finally
        {
            _stop.Dispose();
            _writing.Dispose();
        }
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
                    Failed(failure);
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
                    DropOldestBeyondCap();
                }

                throw;
            }

            Recovered();
            _options.Written?.Invoke(batch);
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>
    /// While the store fails, drops the oldest readings beyond the cap (under the lock); told once per run
    /// of failures. A store that is only slow (a capture read at full speed) is waited for: it catches up.
    /// </summary>
    private void DropOldestBeyondCap()
    {
        var excess = _pending.Count - _options.MaxPending;
        if (excess <= 0 || !_failing)
        {
            return;
        }

        _pending.RemoveRange(0, excess);
        Interlocked.Add(ref _dropped, excess);
        if (_droppedThisRun == 0)
        {
            _options.Report?.Invoke(Invariant($"{Name}: {_options.MaxPending} readings are waiting for the store; the oldest are dropped from now on, until it works again"), NoteLevel.Warning);
        }

        _droppedThisRun += excess;
    }

    private void Failed(Exception failure)
    {
        lock (_gate)
        {
            var first = !_failing;
            _failing = true;
            DropOldestBeyondCap();
            if (_options.Report is null)
            {
                // Told by the next call from the queue, which counts and logs it once per failure.
                _backgroundFailure = failure;
                return;
            }

            if (!first)
            {
                return;
            }
        }

        _options.Report(Invariant($"{Name}: writing to the history failed ({failure.Message}); the readings are kept, the newest {_options.MaxPending} at most, and written when it works again"), NoteLevel.Error);
    }

    private void Recovered()
    {
        long dropped;
        lock (_gate)
        {
            if (!_failing)
            {
                return;
            }

            _failing = false;
            dropped = _droppedThisRun;
            _droppedThisRun = 0;
        }

        _options.Report?.Invoke(Invariant($"{Name}: writing to the history again; {dropped} of the oldest readings were dropped meanwhile"), dropped == 0 ? NoteLevel.Information : NoteLevel.Warning);
    }

    private void ThrowBackgroundFailure()
    {
        if (Interlocked.Exchange(ref _backgroundFailure, null) is { } failure)
        {
            throw new HistoryStoreException(Invariant($"Writing to the history failed: {failure.Message}; {Dropped} of the oldest readings dropped so far"), failure);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
