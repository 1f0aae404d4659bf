using Han.Trust;

namespace Han.Storage;

/// <summary>
/// The history as <c>han run</c> opened it, for whoever reads it (the web server's history endpoints):
/// the store, the aggregator that keeps its aggregates up to date, and the rules' options (the zone of
/// days and months). The store belongs to whoever opened it.
/// </summary>
public sealed class HistoryService
{
    public HistoryService(IHistoryStore store, TrustOptions options, string where)
    {
        Store = store ?? throw new ArgumentNullException(nameof(store));
        Options = options ?? throw new ArgumentNullException(nameof(options));
        Where = where;
        Aggregator = new HistoryAggregator(store, options);
    }

    public IHistoryStore Store { get; }

    public HistoryAggregator Aggregator { get; }

    public TrustOptions Options { get; }

    /// <summary>The zone of days and months.</summary>
    public TimeZoneInfo Zone => Options.Zone;

    /// <summary>Where the history is kept, for messages (a file, or a PostgreSQL host and database; never a password).</summary>
    public string Where { get; }
}
