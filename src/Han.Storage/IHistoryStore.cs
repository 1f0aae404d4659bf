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

    /// <summary>Writes the readings, their meters and the per-minute power they add to, in one transaction.</summary>
    Task WriteAsync(IReadOnlyList<ReadingMade> readings, CancellationToken cancellationToken);

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
}
