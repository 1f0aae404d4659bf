using System.Globalization;
using Han.Storage;

namespace Han.Cli.Import;

/// <summary>What an import did, as the lines <c>han import</c> ends with.</summary>
internal static class ImportSummary
{
    /// <param name="elapsed">Reading, decoding and writing the lists.</param>
    /// <param name="aggregating">Recomputing the aggregates after.</param>
    public static string Describe(ListImporter lists, HistoryImport history, TimeSpan elapsed, TimeSpan aggregating, string store)
    {
        var text = new List<string>();
        var meter = lists.Meter is { } name && history.Meters.TryGetValue(name, out var seen) ? seen : null;
        var range = meter is null ? "no lists" : $"{Time(meter.First)} to {Time(meter.Last)}";
        text.Add(Line($"han import: {lists.Lists:N0} lists of meter '{lists.Meter ?? ListImporter.FallbackName}' into {store} ({range}) in {elapsed.TotalSeconds:F1} s ({Rate(lists.Lists, elapsed)} lists/s)"));
        text.Add(Line($"  stored as lists: {history.Stored:N0} new, {history.AlreadyStored:N0} already there"));
        if (history.Summed > 0)
        {
            text.Add(Line($"  older than the raw-list retention (before {Time(history.RawCutoff)}): {history.Summed:N0} lists summed into minutes of power, not kept as lists; {history.MinutesWritten:N0} minutes written, {history.MinutesAlreadyStored:N0} already there"));
        }

        if (lists.WithoutTime > 0)
        {
            text.Add(Line($"  {lists.WithoutTime:N0} lists without a receive time or a meter clock were left out"));
        }

        text.Add(meter is null ? "  no aggregates to refresh" : Line($"  aggregates (15 minutes, hours, days, months) recomputed for the days from {Time(meter.First)} to {Time(meter.Last)} in {aggregating.TotalSeconds:F1} s"));
        text.Add(Line($"  damaged or skipped: {lists.Problems:N0} problems ({lists.ChecksumErrors:N0} checksum errors, {lists.DiscardedBytes:N0} bytes skipped)"));
        return string.Join('\n', text) + "\n";
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Rate(long lists, TimeSpan elapsed) =>
        (elapsed > TimeSpan.Zero ? lists / elapsed.TotalSeconds : 0).ToString("N0", CultureInfo.InvariantCulture);

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
