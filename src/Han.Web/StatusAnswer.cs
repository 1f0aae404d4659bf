using System.Reflection;
using System.Text.Json;
using Han.Readings;
using Han.Storage.Queries;

namespace Han.Web;

/// <summary>
/// <c>/api/status</c>: han's version and uptime, the zone, the store, each meter's line counters (from its
/// newest line status, sent every 10 s) and each output's queue: queued now, written, dropped, failed.
/// </summary>
internal static class StatusAnswer
{
    public static readonly string Version =
        typeof(StatusAnswer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public static void Write(Utf8JsonWriter writer, IReadOnlyList<ServedMeter> meters, HistoryOptions history, DateTimeOffset started)
    {
        var now = history.Clock.GetUtcNow();
        writer.WriteStartObject();
        writer.WriteString("version", Version);
        writer.WriteString("started", HistoryTime.ToIso(started, history.Zone));
        writer.WriteNumber("uptime_s", (long)(now - started).TotalSeconds);
        writer.WriteString("zone", history.Zone.Id);
        writer.WriteStartObject("storage");
        writer.WriteString("kind", history.Store?.Description.Kind ?? "none");
        JsonColumns.TextOrNull(writer, "location", history.Store?.Description.Location);
        writer.WriteEndObject();
        writer.WriteStartArray("meters");
        foreach (var meter in meters)
        {
            WriteMeter(writer, meter.Live, history);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("sinks");
        foreach (var meter in meters)
        {
            foreach (var queue in meter.Queues)
            {
                writer.WriteStartObject();
                writer.WriteString("meter", meter.Live.Name);
                writer.WriteString("sink", queue.Name);
                writer.WriteNumber("queued", queue.Queued);
                writer.WriteNumber("written", queue.Counters.Written);
                writer.WriteNumber("dropped", queue.Counters.Dropped);
                writer.WriteNumber("failed", queue.Counters.Failed);
                writer.WriteEndObject();
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteMeter(Utf8JsonWriter writer, LiveMeter meter, HistoryOptions history)
    {
        var (state, line) = meter.Snapshot();
        writer.WriteStartObject();
        writer.WriteString("name", meter.Name);
        if (line is not null)
        {
            writer.WriteString("line_state", line.State);
            JsonColumns.TextOrNull(writer, "line_settings", line.LineSettings);
            writer.WriteNumber("readings", line.Readings);
            writer.WriteNumber("frames", line.Frames);
            writer.WriteNumber("checksum_errors", line.ChecksumErrors);
            writer.WriteNumber("cut_frames", line.CutFrames);
            writer.WriteNumber("skipped_bytes", line.SkippedBytes);
            writer.WriteNumber("undecoded_frames", line.Undecoded);
        }

        if (state?.Reading.Received is { } received)
        {
            writer.WriteString("last_reading", HistoryTime.ToIso(received, history.Zone));
        }

        if (state is not null)
        {
            JsonColumns.TextIfKnown(writer, "meter_id", state.Reading.MeterId);
            JsonColumns.TextIfKnown(writer, "list_version", state.Reading.ListVersion);
        }

        writer.WriteNumber("stream_clients", meter.StreamClients);
        writer.WriteNumber("stream_dropped", meter.StreamDrops);
        writer.WriteEndObject();
    }
}
