using System.Text.Json;
using Han.Storage;
using Han.Storage.Queries;

namespace Han.Web;

/// <summary><c>/api/meters/{name}/power</c>: a meter's stored per-minute power (W) as columns, null where a side had no list in the minute.</summary>
internal static class PowerAnswer
{
    /// <summary>A month of minutes (44,640): the most one request answers.</summary>
    public static readonly TimeSpan Cap = TimeSpan.FromDays(31);

    public static void Write(Utf8JsonWriter writer, string meter, HistoryRange range, TimeZoneInfo zone, IReadOnlyList<MinutePower> minutes)
    {
        writer.WriteStartObject();
        writer.WriteString("meter", meter);
        writer.WriteString("from", HistoryTime.ToIso(range.From, zone));
        writer.WriteString("to", HistoryTime.ToIso(range.To, zone));
        JsonColumns.UnixSeconds(writer, "time", minutes, m => m.Start);
        JsonColumns.Numbers(writer, "import_mean", minutes, m => m.Import?.Mean);
        JsonColumns.Numbers(writer, "import_min", minutes, m => m.Import?.Min);
        JsonColumns.Numbers(writer, "import_max", minutes, m => m.Import?.Max);
        JsonColumns.Numbers(writer, "export_mean", minutes, m => m.Export?.Mean);
        JsonColumns.Numbers(writer, "export_min", minutes, m => m.Export?.Min);
        JsonColumns.Numbers(writer, "export_max", minutes, m => m.Export?.Max);
        writer.WriteEndObject();
    }
}
