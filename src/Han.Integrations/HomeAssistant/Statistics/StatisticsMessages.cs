using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Han.Integrations.HomeAssistant.Statistics;

/// <summary>
/// The WebSocket messages han sends Home Assistant, as UTF-8 JSON (integrations.md §1.9, sources HA10, HA12):
/// the authentication, <c>recorder/import_statistics</c>, and <c>recorder/statistics_during_period</c> to
/// find the sum a statistic has reached. Written with <see cref="Utf8JsonWriter"/> (no reflection: the
/// release build is trimmed); numbers as exact decimals.
/// </summary>
public static class StatisticsMessages
{
    /// <summary><c>{"type":"auth","access_token":"…"}</c>.</summary>
    public static byte[] Authentication(string token) => Write(json =>
    {
        json.WriteString("type", "auth");
        json.WriteString("access_token", token);
    });

    /// <summary>
    /// Imports <paramref name="rows"/> of <paramref name="series"/>, each sum raised by <paramref name="sumOffset"/>
    /// (the sum Home Assistant already holds from before, so the total never goes back).
    /// </summary>
    /// <param name="legacy">Metadata as Home Assistant before 2025.10 takes it (has_mean, no mean_type or unit_class, which it refuses as extra keys).</param>
    public static byte[] Import(int id, StatisticSeries series, IEnumerable<StatisticRow> rows, decimal sumOffset, bool legacy = false) => Write(json =>
    {
        ArgumentNullException.ThrowIfNull(series);
        json.WriteNumber("id", id);
        json.WriteString("type", "recorder/import_statistics");
        json.WriteStartObject("metadata");
        json.WriteString("statistic_id", series.StatisticId);
        json.WriteString("source", StatisticSeries.Source);
        json.WriteString("name", series.Name);
        json.WriteString("unit_of_measurement", StatisticSeries.Unit);
        json.WriteBoolean("has_sum", true);
        // has_mean is required by Home Assistant before 2025.10 and optional (deprecated) after; mean_type
        // and unit_class are mandatory from 2026.11 (integrations.md §1.9, HA9, HA12): the newer schema takes all three.
        json.WriteBoolean("has_mean", false);
        if (!legacy)
        {
            json.WriteNumber("mean_type", 0);
            json.WriteString("unit_class", StatisticSeries.UnitClass);
        }

        json.WriteEndObject();
        json.WriteStartArray("stats");
        foreach (var row in rows)
        {
            json.WriteStartObject();
            json.WriteString("start", Iso(row.Start));
            json.WriteNumber("state", row.State);
            json.WriteNumber("sum", row.Sum + sumOffset);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    });

    /// <summary>The hourly sums of <paramref name="statisticId"/> from <paramref name="from"/> up to (not including) <paramref name="until"/>.</summary>
    public static byte[] SumsDuringPeriod(int id, string statisticId, DateTimeOffset from, DateTimeOffset until) => Write(json =>
    {
        json.WriteNumber("id", id);
        json.WriteString("type", "recorder/statistics_during_period");
        json.WriteString("start_time", Iso(from));
        json.WriteString("end_time", Iso(until));
        json.WriteStartArray("statistic_ids");
        json.WriteStringValue(statisticId);
        json.WriteEndArray();
        json.WriteString("period", "hour");
        json.WriteStartArray("types");
        json.WriteStringValue("sum");
        json.WriteEndArray();
    });

    /// <summary>ISO 8601 with the offset, as Home Assistant requires (a timestamp without one is refused as naive).</summary>
    public static string Iso(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
