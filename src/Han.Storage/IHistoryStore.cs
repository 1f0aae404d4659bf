using Han.Live;
using Han.Live.Fanout;
using Han.Trust;

namespace Han.Storage;

/// <summary>
/// han's history of each meter: the lists as decoded first (kept for a retention), then what is derived
/// from them: per-minute power and the hourly registers (written with the lists) and energy aggregates (kept for ever). SQLite
/// and PostgreSQL behave the same behind it. Times are UTC; energy is exact (decimal kWh).
/// </summary>
public interface IHistoryStore : IAsyncDisposable
{
    /// <summary>The kind of store and where it is (never a password).</summary>
    StoreDescription Description { get; }

    /// <summary>
    /// Writes the readings, their meters and the per-minute power they add to, in one transaction; returns
    /// how many lists were new (a list already stored, same meter and receive time, is left out and not counted again).
    /// </summary>
    Task<int> WriteAsync(IReadOnlyList<ReadingMade> readings, CancellationToken cancellationToken);

    /// <summary>
    /// Writes what is kept for ever of lists that are not stored themselves (<c>han import</c> of lists
    /// past the raw-list retention): per-minute power summed up elsewhere, and the hourly registers of the
    /// lists in <paramref name="registerLists"/> that carry them. A minute already stored is kept unless
    /// <paramref name="minutes"/> has more lists for it, and a register already stored is left, so the
    /// same capture imported twice counts once. Returns how many minutes were written (new or with more
    /// lists than stored).
    /// </summary>
    Task<int> WriteImportedAsync(string meter, MeterIdentity identity, IReadOnlyList<MinutePower> minutes, IReadOnlyList<ReadingMade> registerLists, CancellationToken cancellationToken);

    /// <summary>The meters known, by their configured names.</summary>
    Task<IReadOnlyList<StoredMeter>> ReadMetersAsync(CancellationToken cancellationToken);

    /// <summary>A meter's lists received in [<paramref name="from"/>, <paramref name="to"/>), oldest first.</summary>
    Task<IReadOnlyList<StoredList>> ReadListsAsync(string meter, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>A meter's per-minute power for minutes starting in [<paramref name="from"/>, <paramref name="to"/>), oldest first.</summary>
    Task<IReadOnlyList<MinutePower>> ReadMinutePowerAsync(string meter, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>
    /// A meter's cumulative registers (from every list that carried the import register: the hourly
    /// list) received in [<paramref name="from"/>, <paramref name="to"/>), oldest first. Kept for ever,
    /// so the aggregates can be recomputed after the raw lists are pruned.
    /// </summary>
    Task<IReadOnlyList<HourlyRegisterReading>> ReadHourlyRegistersAsync(string meter, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>Writes aggregates, replacing any with the same meter, resolution and start.</summary>
    Task UpsertAggregatesAsync(IReadOnlyList<EnergyAggregate> aggregates, CancellationToken cancellationToken);

    /// <summary>A meter's aggregates of one resolution starting in [<paramref name="from"/>, <paramref name="to"/>), oldest first.</summary>
    Task<IReadOnlyList<EnergyAggregate>> ReadAggregatesAsync(string meter, AggregateResolution resolution, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>
    /// The earliest and the latest instant of every meter's stored lists, minutes and hour aggregates
    /// (the end of the last one), or null when nothing is stored.
    /// </summary>
    Task<HistorySpan?> ReadSpanAsync(CancellationToken cancellationToken);

    /// <summary>Deletes the lists received before <paramref name="before"/> (and nothing else); returns how many.</summary>
    Task<long> PruneListsAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>
    /// For a meter that sends its registers with every list (DSMR P1: every 10 s or every second), keeps
    /// of its hourly registers received before <paramref name="before"/> only the one nearest each hour
    /// boundary, the one the aggregates are made from (<see cref="Aggregation.DenseRegisters"/>): a year
    /// of registers every second would otherwise be 31 million rows kept for ever. A meter that sends them
    /// once an hour is left as it is. Returns how many were deleted.
    /// </summary>
    Task<long> CompactRegistersAsync(string meter, DateTimeOffset before, CancellationToken cancellationToken);
}
