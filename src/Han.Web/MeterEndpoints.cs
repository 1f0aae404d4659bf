using System.Text.Json;
using Han.Readings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Han.Web;

/// <summary>
/// The live half of the REST API (issue 10, point 5): the meters, each one's merged state, its live
/// stream and the last hour of its power. Every answer is written from the meter's state under its lock.
/// </summary>
internal sealed class MeterEndpoints(IReadOnlyList<ServedMeter> meters, LiveStream stream)
{
    private readonly Dictionary<string, LiveMeter> _byName = meters.ToDictionary(m => m.Live.Name, m => m.Live, StringComparer.Ordinal);

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/meters", (HttpResponse response) => ListAsync(response))
            .WithName("meters").WithSummary("The meters han reads: name, identity, line status.")
            .Answers(StatusCodes.Status200OK, JsonAnswer.ContentType);
        app.MapGet("/api/meters/{name}/live", (string name, HttpContext context) => LiveAsync(name, context))
            .WithName("live").WithSummary("The meter's merged state: every value it has sent with the newest one (the keys of han's reading schema), and the line's diagnostics.")
            .Answers(StatusCodes.Status200OK, JsonAnswer.ContentType).Answers(StatusCodes.Status404NotFound, JsonAnswer.ContentType);
        app.MapGet("/api/meters/{name}/live/stream", (string name, HttpContext context) => StreamAsync(name, context))
            .WithName("live-stream").WithSummary("Server-sent events: an event 'reading' with the reading's JSON for every list the meter sends, a comment every 15 s.")
            .Answers(StatusCodes.Status200OK, "text/event-stream").Answers(StatusCodes.Status404NotFound, JsonAnswer.ContentType);
        app.MapGet("/api/meters/{name}/live/recent", (string name, HttpContext context) => RecentAsync(name, context))
            .WithName("live-recent").WithSummary("The last hour of active power import and export in W, as columns: time (Unix seconds), active_power_import, active_power_export.")
            .Answers(StatusCodes.Status200OK, JsonAnswer.ContentType).Answers(StatusCodes.Status404NotFound, JsonAnswer.ContentType);
    }

    private Task ListAsync(HttpResponse response) =>
        JsonAnswer.WriteAsync(response, writer =>
        {
            writer.WriteStartArray();
            foreach (var meter in meters)
            {
                WriteSummary(writer, meter.Live);
            }

            writer.WriteEndArray();
        });

    private Task LiveAsync(string name, HttpContext context) =>
        _byName.TryGetValue(name, out var meter)
            ? JsonAnswer.WriteAsync(context.Response, meter.WriteState)
            : JsonAnswer.NoSuchMeterAsync(context.Response, name, _byName.Keys);

    private Task RecentAsync(string name, HttpContext context) =>
        _byName.TryGetValue(name, out var meter)
            ? JsonAnswer.WriteAsync(context.Response, meter.WriteRecent)
            : JsonAnswer.NoSuchMeterAsync(context.Response, name, _byName.Keys);

    private Task StreamAsync(string name, HttpContext context) =>
        _byName.TryGetValue(name, out var meter)
            ? stream.ServeAsync(meter, context)
            : JsonAnswer.NoSuchMeterAsync(context.Response, name, _byName.Keys);

    private static void WriteSummary(Utf8JsonWriter writer, LiveMeter meter)
    {
        var (state, line) = meter.Snapshot();
        writer.WriteStartObject();
        writer.WriteString("name", meter.Name);
        if (state is not null)
        {
            JsonColumns.TextIfKnown(writer, "meter_manufacturer", state.Reading.MeterManufacturer);
            JsonColumns.TextIfKnown(writer, "meter_id", state.Reading.MeterId);
            JsonColumns.TextIfKnown(writer, "meter_type", state.Reading.MeterType);
            JsonColumns.TextIfKnown(writer, "list_version", state.Reading.ListVersion);
            if (state.Reading.Received is { } received)
            {
                writer.WriteString("last_reading", ReceiveTime.ToText(received));
            }
        }

        if (line is not null)
        {
            writer.WriteString("line_state", line.State);
            JsonColumns.TextIfKnown(writer, "line_settings", line.LineSettings);
            writer.WriteNumber("readings", line.Readings);
            writer.WriteNumber("frames", line.Frames);
            writer.WriteNumber("checksum_errors", line.ChecksumErrors);
        }

        writer.WriteEndObject();
    }
}
