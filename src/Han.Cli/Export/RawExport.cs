using System.Globalization;
using System.Text.Json;
using Han.Readings;
using Han.Storage;

namespace Han.Cli.Export;

/// <summary>
/// The lists as stored. CSV is for a spreadsheet: <c>received</c> (with the zone's offset, to the
/// millisecond), <c>meter_time</c> as the meter sent it, <c>list_version</c>, then a column for every
/// number (reading schema key) any list of the range carried, in the schema's order, empty where a list
/// did not carry it. JSON is each list as <c>han decode --format json</c> prints it, with <c>meter</c>
/// and <c>received</c> (UTC) first.
/// </summary>
internal static class RawExport
{
    private const string ReceivedFormat = "yyyy-MM-dd'T'HH:mm:ss.fffzzz";

    public static async Task<int> WriteAsync(IHistoryStore store, string meter, ExportRequest request, TextWriter output, CancellationToken cancellation)
    {
        // One day at a time (ExportChunks): a month of lists would not fit a small machine's memory.
        IAsyncEnumerable<StoredList> Lists() => ExportChunks.ReadAsync(request.Range, ExportChunks.ListChunk, piece => store.ReadListsAsync(meter, piece.From, piece.To, cancellation));
        var count = 0;
        if (request.Json)
        {
            var line = new JsonLine(output);
            await foreach (var list in Lists().ConfigureAwait(false))
            {
                WriteJson(line, list, meter);
                count++;
            }

            return count;
        }

        // The header names every number any list of the range carried: a first pass finds them.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var list in Lists().ConfigureAwait(false))
        {
            seen.UnionWith(ListValues.Numbers(list.Json).Keys);
        }

        var keys = seen.OrderBy(SchemaOrder).ThenBy(k => k, StringComparer.Ordinal).ToList();
        await output.WriteAsync(CsvText.Line(["received", "meter_time", "list_version", .. keys]) + "\n").ConfigureAwait(false);
        await foreach (var list in Lists().ConfigureAwait(false))
        {
            var numbers = ListValues.Numbers(list.Json);
            var version = ListVersion(list.Json);
            count++;
            var received = TimeZoneInfo.ConvertTime(list.Received, request.Zone).ToString(ReceivedFormat, CultureInfo.InvariantCulture);
            await output.WriteAsync(CsvText.Line(
                [
                    received,
                    CsvText.Field(list.MeterTime),
                    CsvText.Field(version),
                    .. keys.Select(key => numbers.TryGetValue(key, out var value) ? CsvText.Number(value) : string.Empty),
                ]) + "\n").ConfigureAwait(false);
        }

        return count;
    }

    private static void WriteJson(JsonLine line, StoredList list, string meter)
    {
        using var stored = JsonDocument.Parse(list.Json);
        line.Write(writer =>
        {
            writer.WriteString("meter", meter);
            writer.WriteString("received", ReceiveTime.ToText(list.Received));
            foreach (var property in stored.RootElement.EnumerateObject())
            {
                if (property.Name is not ("meter" or "received"))
                {
                    property.WriteTo(writer);
                }
            }
        });
    }

    /// <summary>Where a key stands in the reading schema (DESIGN.md §2.2); keys it does not know go last.</summary>
    private static int SchemaOrder(string key)
    {
        for (var i = 0; i < ReadingFieldInfo.Fields.Count; i++)
        {
            if (ReadingFieldInfo.Fields[i].Key == key)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private static string? ListVersion(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty("list_version", out var version) && version.ValueKind == JsonValueKind.String ? version.GetString() : null;
    }
}
