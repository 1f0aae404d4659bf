using Han.Readings;
using Han.Storage;

namespace Han.Web;

/// <summary>
/// Fills each meter's live graph with the last hour of stored lists when the web server starts, so that a
/// restart of han run (or <c>han demo</c>, whose history is written just before) shows the hour at once
/// instead of an empty graph that takes an hour to fill.
/// </summary>
internal static class RecentPowerFromHistory
{
    private static readonly string ImportKey = ReadingFieldInfo.Of(ReadingField.ActivePowerImport).Key;
    private static readonly string ExportKey = ReadingFieldInfo.Of(ReadingField.ActivePowerExport).Key;

    /// <summary>
    /// Reads the last hour of each meter's lists. A store that fails here is left to the history's own
    /// error reporting (the API answers say it); the graph then fills from the live lists as before.
    /// </summary>
    public static async Task SeedAsync(HistoryOptions history, IReadOnlyList<ServedMeter> meters, CancellationToken cancellationToken)
    {
        if (history.Store is not { } store)
        {
            return;
        }

        var now = history.Clock.GetUtcNow();
        foreach (var meter in meters)
        {
            IReadOnlyList<StoredList> lists;
            try
            {
                lists = await store.ReadListsAsync(meter.Live.Name, now - RecentPower.Span, now, cancellationToken).ConfigureAwait(false);
            }
            catch (HistoryStoreException)
            {
                continue; // see the summary: the live lists still fill the graph
            }

            meter.Live.SeedRecent([.. lists.Select(Point)]);
        }
    }

    private static (DateTimeOffset At, decimal? Import, decimal? Export) Point(StoredList list)
    {
        var numbers = ListValues.Numbers(list.Json);
        return (list.Received, Value(numbers, ImportKey), Value(numbers, ExportKey));
    }

    private static decimal? Value(IReadOnlyDictionary<string, decimal> numbers, string key) =>
        numbers.TryGetValue(key, out var value) ? value : null;
}
