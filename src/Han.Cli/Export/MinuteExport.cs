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
        var minutes = await store.ReadMinutePowerAsync(meter, request.Range.From, request.Range.To, cancellation).ConfigureAwait(false);
        if (request.Json)
        {
            var line = new JsonLine(output);
            foreach (var minute in minutes)
            {
                line.Write(writer =>
                {
                    writer.WriteString("meter", meter);
                    writer.WriteString("start", HistoryTime.ToIso(minute.Start, request.Zone));
                    WriteSide(writer, "import", minute.Import);
                    WriteSide(writer, "export", minute.Export);
                });
            }

            return minutes.Count;
        }

        await output.WriteAsync(CsvText.Line(Columns) + "\n").ConfigureAwait(false);
        foreach (var minute in minutes)
        {
            await output.WriteAsync(CsvText.Line(
                [
                    HistoryTime.ToIso(minute.Start, request.Zone),
                    .. Side(minute.Import),
                    .. Side(minute.Export),
                ]) + "\n").ConfigureAwait(false);
        }

        return minutes.Count;
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
