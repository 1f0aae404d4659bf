using System.Text.Json;
using Han.Storage;
using Han.Storage.Queries;

namespace Han.Cli.Export;

/// <summary>
/// Per-minute active power in W: <c>start</c>, then the mean, lowest and highest import and export of the
/// lists received in the minute, and how many lists each side had (an empty side is empty, never 0).
/// </summary>
internal static class MinuteExport
{
    private static readonly string[] Columns = ["start", "import_mean", "import_min", "import_max", "import_lists", "export_mean", "export_min", "export_max", "export_lists"];

    public static async Task<int> WriteAsync(IHistoryStore store, string meter, ExportRequest request, TextWriter output, CancellationToken cancellation)
    {
        // A week at a time (ExportChunks): a year of minutes is half a million rows.
        var minutes = ExportChunks.ReadAsync(request.Range, ExportChunks.MinuteChunk, piece => store.ReadMinutePowerAsync(meter, piece.From, piece.To, cancellation));
        var count = 0;
        if (request.Json)
        {
            var line = new JsonLine(output);
            await foreach (var minute in minutes.ConfigureAwait(false))
            {
                count++;
                line.Write(writer =>
                {
                    writer.WriteString("meter", meter);
                    writer.WriteString("start", HistoryTime.ToIso(minute.Start, request.Zone));
                    WriteSide(writer, "import", minute.Import);
                    WriteSide(writer, "export", minute.Export);
                });
            }

            return count;
        }

        await output.WriteAsync(CsvText.Line(Columns) + "\n").ConfigureAwait(false);
        await foreach (var minute in minutes.ConfigureAwait(false))
        {
            count++;
            await output.WriteAsync(CsvText.Line(
                [
                    HistoryTime.ToIso(minute.Start, request.Zone),
                    .. Side(minute.Import),
                    .. Side(minute.Export),
                ]) + "\n").ConfigureAwait(false);
        }

        return count;
    }

    private static string[] Side(PowerSummary? side) =>
        side is null
            ? ["", "", "", "0"]
            : [CsvText.Number(side.Mean), CsvText.Number(side.Min), CsvText.Number(side.Max), side.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)];

    private static void WriteSide(Utf8JsonWriter writer, string side, PowerSummary? power)
    {
        if (power is null)
        {
            writer.WriteNull(side + "_mean");
            writer.WriteNull(side + "_min");
            writer.WriteNull(side + "_max");
            writer.WriteNumber(side + "_lists", 0);
            return;
        }

        writer.WriteNumber(side + "_mean", power.Mean);
        writer.WriteNumber(side + "_min", power.Min);
        writer.WriteNumber(side + "_max", power.Max);
        writer.WriteNumber(side + "_lists", power.Count);
    }
}
