using Han.Storage;
using Han.Storage.Queries;

namespace Han.Cli.Export;

/// <summary>Energy aggregates of one resolution: <c>start</c> (ISO 8601 with the zone's offset), <c>import_kwh</c>, <c>export_kwh</c>, <c>exact</c>, <c>flags</c>.</summary>
internal static class EnergyExport
{
    public static async Task<int> WriteAsync(IHistoryStore store, string meter, ExportRequest request, AggregateResolution resolution, TextWriter output, CancellationToken cancellation)
    {
        var periods = await store.ReadAggregatesAsync(meter, resolution, request.Range.From, request.Range.To, cancellation).ConfigureAwait(false);
        if (request.Json)
        {
            var line = new JsonLine(output);
            foreach (var period in periods)
            {
                line.Write(writer =>
                {
                    writer.WriteString("meter", meter);
                    writer.WriteString("resolution", resolution.ToName());
                    writer.WriteString("start", HistoryTime.ToIso(period.Start, request.Zone));
                    WriteNumber(writer, "import_kwh", period.ImportKwh);
                    WriteNumber(writer, "export_kwh", period.ExportKwh);
                    writer.WriteBoolean("exact", period.Exact);
                    if (period.Flags is null)
                    {
                        writer.WriteNull("flags");
                    }
                    else
                    {
                        writer.WriteString("flags", period.Flags);
                    }
                });
            }

            return periods.Count;
        }

        await output.WriteAsync("start,import_kwh,export_kwh,exact,flags\n").ConfigureAwait(false);
        foreach (var period in periods)
        {
            await output.WriteAsync(CsvText.Line(
                [
                    HistoryTime.ToIso(period.Start, request.Zone),
                    CsvText.Number(period.ImportKwh),
                    CsvText.Number(period.ExportKwh),
                    period.Exact ? "true" : "false",
                    CsvText.Field(period.Flags),
                ]) + "\n").ConfigureAwait(false);
        }

        return periods.Count;
    }

    private static void WriteNumber(System.Text.Json.Utf8JsonWriter writer, string name, decimal? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
