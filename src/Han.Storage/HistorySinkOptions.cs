using Han.Live.Fanout;

namespace Han.Storage;

/// <summary>How a <see cref="HistorySink"/> holds readings while the store fails, and whom it tells.</summary>
public sealed record HistorySinkOptions
{
    /// <summary>One hour of lists every 2.5 s (Aidon's list 1), for one meter.</summary>
    public const int DefaultMaxPending = 1440;

    /// <summary>
    /// The most readings kept while the store fails; beyond it the oldest are dropped (counted and told),
    /// so a store that is down for days cannot fill the memory.
    /// </summary>
    public int MaxPending { get; init; } = DefaultMaxPending;

    /// <summary>
    /// Where the sink tells that writing fails, that it drops readings, and that it works again (the log).
    /// Null: a failure is thrown by the next call instead, for the sink's queue to count and log.
    /// </summary>
    public Action<string, NoteLevel>? Report { get; init; }

    /// <summary>Called after each batch is written (from the writing task): the aggregates may be refreshed.</summary>
    public Action<IReadOnlyList<ReadingMade>>? Written { get; init; }
}
