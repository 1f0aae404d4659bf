using Han.Live;
using Han.Live.Fanout;

namespace Han.Storage;

/// <summary>
/// Writes lists read from captures (<c>han import</c>, the backfill of <c>han demo</c>) to the history,
/// fast and so that importing the same lists again changes nothing:
/// <list type="bullet">
/// <item>Lists received since <see cref="RawCutoff"/> (the raw-list retention) are written as han run
/// writes them (<see cref="IHistoryStore.WriteAsync"/>): a list already stored is left out and its power
/// not counted again. They go in transactions of <see cref="BatchSize"/> lists, each written on another
/// thread while the next is decoded.</item>
/// <item>Older lists would be deleted by the pruner at once, so they are not stored: their power is summed
/// into minutes here and written, with the hourly registers of those that carry them, by
/// <see cref="IHistoryStore.WriteImportedAsync"/>, which keeps a minute already stored unless the import
/// has more lists for it and a register already stored (docs/storage.md, "Import").</item>
/// </list>
/// The cutoff is a whole minute, so every minute is summed one way only. Lists are expected roughly in
/// time order (a capture's are); a minute is held until lists <see cref="MinuteHold"/> later have come.
/// </summary>
public sealed class HistoryImport
{
    public const int BatchSize = 10_000;

    /// <summary>How long after a minute its lists may still come in an import that is in time order.</summary>
    public static readonly TimeSpan MinuteHold = TimeSpan.FromMinutes(10);

    /// <summary>Past-retention minutes held before the closed ones are written (about a week of one meter).</summary>
    private const int MinutesHeld = 10_000;

    private static readonly TimeSpan RefreshStep = TimeSpan.FromDays(31);

    private readonly IHistoryStore _store;
    private readonly long _cutoff;
    private readonly MinuteBatch _old = new();
    private readonly List<ReadingMade> _oldRegisters = [];
    private readonly Dictionary<string, ImportedMeter> _meters = new(StringComparer.Ordinal);
    private List<ReadingMade> _batch = new(BatchSize);
    private Task<int> _writing = Task.FromResult(0);
    private int _writingCount;

    /// <param name="rawCutoff">Lists received before this are past the raw-list retention (<see cref="RawListRetention.Cutoff"/>); rounded down to its minute.</param>
    public HistoryImport(IHistoryStore store, DateTimeOffset rawCutoff)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _cutoff = StoreTime.MinuteOf(rawCutoff);
    }

    public DateTimeOffset RawCutoff => StoreTime.FromStored(_cutoff);

    /// <summary>Lists written as raw lists, new to the store.</summary>
    public long Stored { get; private set; }

    /// <summary>Lists since the cutoff that the store had already.</summary>
    public long AlreadyStored { get; private set; }

    /// <summary>Lists before the cutoff, summed into minutes of power (not stored as lists).</summary>
    public long Summed { get; private set; }

    /// <summary>Minutes of summed power written (new, or with more lists than the store had).</summary>
    public long MinutesWritten { get; private set; }

    /// <summary>Minutes of summed power the store already had with as many lists or more.</summary>
    public long MinutesAlreadyStored { get; private set; }

    /// <summary>Each meter's first and last receive time imported.</summary>
    public IReadOnlyDictionary<string, ImportedMeter> Meters => _meters;

    /// <summary>Takes one list; writes a batch when one is full (waiting for the one before).</summary>
    public async ValueTask AddAsync(ReadingMade made, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(made);
        var meter = Track(made);
        if (StoreTime.ToStored(made.At) >= _cutoff)
        {
            _batch.Add(made);
            if (_batch.Count >= BatchSize)
            {
                await WriteBatchAsync(cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        // A list without power (Kamstrup's hourly list has none) adds nothing to a minute but is counted as read.
        _old.Add(meter.Index, made.At, made.Reading.Reading);
        if (made.Reading.Reading[Readings.ReadingField.ActiveEnergyImport] is not null)
        {
            _oldRegisters.Add(made); // the hourly list: one an hour
        }

        Summed++;
        if (_old.Count >= MinutesHeld)
        {
            await WriteClosedMinutesAsync(StoreTime.MinuteOf(made.At - MinuteHold), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes everything still held. Call once, at the end.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        await WriteBatchAsync(cancellationToken).ConfigureAwait(false);
        await FinishWritingAsync().ConfigureAwait(false);
        await WriteClosedMinutesAsync(long.MaxValue, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Recomputes the aggregates of the range each meter's lists covered: once per meter, a month of it at
    /// a time (so a year's import never holds a year of minutes), never per list.
    /// </summary>
    public async Task RefreshAggregatesAsync(HistoryAggregator aggregator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(aggregator);
        foreach (var (name, meter) in _meters)
        {
            var end = meter.Last.AddTicks(1);
            for (var from = meter.First; from < end; from += RefreshStep)
            {
                var to = from + RefreshStep < end ? from + RefreshStep : end;
                await aggregator.RefreshAsync(name, from, to, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Thins the hourly registers of meters that send them with every list, for what was imported past
    /// the raw-list retention (<see cref="IHistoryStore.CompactRegistersAsync"/>), as han run does daily.
    /// Call after <see cref="RefreshAggregatesAsync"/>; returns how many registers were deleted.
    /// </summary>
    public async Task<long> CompactRegistersAsync(CancellationToken cancellationToken)
    {
        long deleted = 0;
        foreach (var name in _meters.Keys)
        {
            deleted += await _store.CompactRegistersAsync(name, RawCutoff, cancellationToken).ConfigureAwait(false);
        }

        return deleted;
    }

    private ImportedMeter Track(ReadingMade made)
    {
        if (!_meters.TryGetValue(made.Meter, out var meter))
        {
            meter = new ImportedMeter(_meters.Count, made.At, made.At, made.Reading.Identity);
        }

        _meters[made.Meter] = meter with
        {
            First = made.At < meter.First ? made.At : meter.First,
            Last = made.At > meter.Last ? made.At : meter.Last,
            Identity = meter.Identity.With(made.Reading.Identity),
        };
        return meter;
    }

    private async Task WriteBatchAsync(CancellationToken cancellationToken)
    {
        await FinishWritingAsync().ConfigureAwait(false);
        if (_batch.Count == 0)
        {
            return;
        }

        var batch = _batch;
        _batch = new List<ReadingMade>(BatchSize);
        _writingCount = batch.Count;
        // On the thread pool: SQLite's "async" calls run synchronously, and the next batch is decoded meanwhile.
        _writing = Task.Run(() => _store.WriteAsync(batch, cancellationToken), cancellationToken);
    }

    private async Task FinishWritingAsync()
    {
        var stored = await _writing.ConfigureAwait(false);
        Stored += stored;
        AlreadyStored += _writingCount - stored;
        _writing = Task.FromResult(0);
        _writingCount = 0;
    }

    private async Task WriteClosedMinutesAsync(long before, CancellationToken cancellationToken)
    {
        foreach (var (name, meter) in _meters)
        {
            var minutes = _old.TakeBefore(meter.Index, name, before);
            var registers = _oldRegisters.Where(list => list.Meter == name && StoreTime.ToStored(list.At) < before).ToList();
            if (minutes.Count == 0 && registers.Count == 0)
            {
                continue;
            }

            _oldRegisters.RemoveAll(registers.Contains);
            var written = await _store.WriteImportedAsync(name, meter.Identity, minutes, registers, cancellationToken).ConfigureAwait(false);
            MinutesWritten += written;
            MinutesAlreadyStored += minutes.Count - written;
        }
    }
}
