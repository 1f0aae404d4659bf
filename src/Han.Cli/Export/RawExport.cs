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
        var lists = await store.ReadListsAsync(meter, request.Range.From, request.Range.To, cancellation).ConfigureAwait(false);
        if (request.Json)
        {
            WriteJson(lists, meter, output);
            return lists.Count;
        }

        var rows = lists.Select(list => (list, Numbers: ListValues.Numbers(list.Json), Version: ListVersion(list.Json))).ToList();
        var keys = rows.SelectMany(r => r.Numbers.Keys).Distinct(StringComparer.Ordinal).OrderBy(SchemaOrder).ThenBy(k => k, StringComparer.Ordinal).ToList();
        await output.WriteAsync(CsvText.Line(["received", "meter_time", "list_version", .. keys]) + "\n").ConfigureAwait(false);
        foreach (var (list, numbers, version) in rows)
        {
            var received = TimeZoneInfo.ConvertTime(list.Received, request.Zone).ToString(ReceivedFormat, CultureInfo.InvariantCulture);
            await output.WriteAsync(CsvText.Line(
                [
                    received,
                    CsvText.Field(list.MeterTime),
                    CsvText.Field(version),
                    .. keys.Select(key => numbers.TryGetValue(key, out var value) ? CsvText.Number(value) : string.Empty),
                ]) + "\n").ConfigureAwait(false);
        }

        return lists.Count;
    }

    private static void WriteJson(IReadOnlyList<StoredList> lists, string meter, TextWriter output)
    {
        var line = new JsonLine(output);
        foreach (var list in lists)
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
