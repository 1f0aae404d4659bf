using Han.Storage;
using Han.Storage.Queries;

namespace Han.Web;

/// <summary>
/// The store as the history endpoints read it: the meters are the configured ones and any the store
/// holds (the history of a meter taken out of the configuration stays readable); without a store every
/// read is empty.
/// </summary>
internal sealed class HistoryReader(IReadOnlyList<string> configured, HistoryOptions options)
{
    public TimeZoneInfo Zone => options.Zone;

    public DateTimeOffset Now => options.Clock.GetUtcNow();

    public IHistoryStore? Store => options.Store;

    /// <summary>The configured meters first, in their order, then the ones only the store knows.</summary>
    public async Task<IReadOnlyList<string>> MeterNamesAsync(CancellationToken cancellationToken)
    {
        if (options.Store is not { } store)
        {
            return configured;
        }

        var stored = await store.ReadMetersAsync(cancellationToken).ConfigureAwait(false);
        return [.. configured.Concat(stored.Select(m => m.Name).Where(name => !configured.Contains(name, StringComparer.Ordinal)).Order(StringComparer.Ordinal))];
    }

    public async Task<IReadOnlyList<EnergyAggregate>> AggregatesAsync(string meter, AggregateResolution resolution, HistoryRange range, CancellationToken cancellationToken) =>
        options.Store is { } store
            ? await store.ReadAggregatesAsync(meter, resolution, range.From, range.To, cancellationToken).ConfigureAwait(false)
            : [];

    public async Task<IReadOnlyList<MinutePower>> MinutesAsync(string meter, HistoryRange range, CancellationToken cancellationToken) =>
        options.Store is { } store
            ? await store.ReadMinutePowerAsync(meter, range.From, range.To, cancellationToken).ConfigureAwait(false)
            : [];

    public async Task<HistorySpan?> SpanAsync(CancellationToken cancellationToken) =>
        options.Store is { } store ? await store.ReadSpanAsync(cancellationToken).ConfigureAwait(false) : null;

    /// <summary>Today in the zone: from local midnight to the next.</summary>
    public HistoryRange Today()
    {
        var day = HistoryTime.LocalDate(Now, Zone);
        return new HistoryRange(HistoryTime.StartOfDay(day, Zone), HistoryTime.StartOfDay(day.AddDays(1), Zone));
    }

    /// <summary>This month in the zone.</summary>
    public HistoryRange ThisMonth()
    {
        var start = HistoryTime.StartOfMonth(Now, Zone);
        return new HistoryRange(start, HistoryTime.EndOf(start, CalendarUnit.Month, Zone));
    }
}
