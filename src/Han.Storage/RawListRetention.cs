namespace Han.Storage;

/// <summary>
/// How long raw lists are kept (aggregates are kept for ever). Default 30 days: about a million
/// lists a meter at one every 2.5 s, enough to recompute any recent hour from what the meter sent.
/// </summary>
public sealed record RawListRetention(TimeSpan Keep)
{
    public static RawListRetention Default { get; } = new(TimeSpan.FromDays(30));

    /// <summary>Lists received before this moment are past retention at <paramref name="now"/>.</summary>
    public DateTimeOffset Cutoff(DateTimeOffset now) => now - Keep;

    /// <summary>Deletes the store's lists past retention at <paramref name="now"/>; returns how many.</summary>
    public Task<long> PruneAsync(IHistoryStore store, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.PruneListsAsync(Cutoff(now), cancellationToken);
    }
}
