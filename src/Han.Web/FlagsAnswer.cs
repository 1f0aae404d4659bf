using System.Text.Json;
using Han.Storage;
using Han.Storage.Queries;

namespace Han.Web;

/// <summary><c>/api/meters/{name}/flags</c>: the hours whose aggregate is flagged, and why, oldest first.</summary>
internal static class FlagsAnswer
{
    public static void Write(Utf8JsonWriter writer, string meter, HistoryRange range, TimeZoneInfo zone, IReadOnlyList<EnergyAggregate> hours)
    {
        writer.WriteStartObject();
        writer.WriteString("meter", meter);
        writer.WriteString("from", HistoryTime.ToIso(range.From, zone));
        writer.WriteString("to", HistoryTime.ToIso(range.To, zone));
        writer.WriteStartArray("periods");
        foreach (var hour in hours.Where(h => h.Flags is not null))
        {
            writer.WriteStartObject();
            writer.WriteString("start", HistoryTime.ToIso(hour.Start, zone));
            writer.WriteString("resolution", hour.Resolution.ToName());
            writer.WriteString("flags", hour.Flags);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
