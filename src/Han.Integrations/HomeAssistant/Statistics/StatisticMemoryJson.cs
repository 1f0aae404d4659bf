using System.Text.Json;

namespace Han.Integrations.HomeAssistant.Statistics;

/// <summary>
/// The JSON of <see cref="StatisticPositionStore"/>'s file: per statistic id, the last hourly register
/// closed (<c>boundary</c>, <c>register</c>, <c>sum</c>) and the rows still waiting for Home Assistant
/// (<c>waiting</c>, left out when none):
/// <code>{ "han:6970631406021485_energy_import": { "boundary": "2026-03-01T10:00:00+00:00", "register": 1001.75, "sum": 12.5,
///   "waiting": [ { "start": "2026-03-01T09:00:00+01:00", "state": 1.25, "sum": 12.5, "spread": false } ] } }</code>
/// Exact decimals; each row's start keeps the offset of the zone it was made in, as it is sent.
/// </summary>
internal static class StatisticMemoryJson
{
    /// <summary>What the file says of one statistic.</summary>
    internal sealed record Entry(StatisticPosition? Position, IReadOnlyList<StatisticRow> Waiting);

    /// <summary>What a valid entry looks like, for the message about one that is not.</summary>
    public const string Shape = "{\"boundary\": time, \"register\": kWh, \"sum\": kWh, \"waiting\": [{\"start\": time, \"state\": kWh, \"sum\": kWh, \"spread\": true|false}]}";

    /// <summary>Reads one statistic's entry; false when it is not of the <see cref="Shape"/>.</summary>
    public static bool TryRead(JsonElement element, out Entry entry)
    {
        entry = null!;
        if (element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        StatisticPosition? position = null;
        var hasPosition = element.TryGetProperty("boundary", out _) || element.TryGetProperty("register", out _) || element.TryGetProperty("sum", out _);
        if (hasPosition)
        {
            if (!TryTime(element, "boundary", out var boundary) || !TryNumber(element, "register", out var register) || !TryNumber(element, "sum", out var sum))
            {
                return false;
            }

            position = new StatisticPosition(boundary.ToUniversalTime(), register, sum);
        }

        var waiting = new List<StatisticRow>();
        if (element.TryGetProperty("waiting", out var rows))
        {
            if (rows.ValueKind != JsonValueKind.Array)
            {
                return false;
            }

            foreach (var row in rows.EnumerateArray())
            {
                if (!TryRow(row, out var waitingRow))
                {
                    return false;
                }

                waiting.Add(waitingRow);
            }
        }

        if (position is null && waiting.Count == 0)
        {
            return false;
        }

        entry = new Entry(position, waiting);
        return true;
    }

    public static void Write(Utf8JsonWriter writer, IEnumerable<(string StatisticId, Entry Entry)> entries)
    {
        writer.WriteStartObject();
        foreach (var (statisticId, entry) in entries)
        {
            writer.WriteStartObject(statisticId);
            if (entry.Position is { } position)
            {
                writer.WriteString("boundary", position.Boundary.ToUniversalTime());
                writer.WriteNumber("register", position.Register);
                writer.WriteNumber("sum", position.Sum);
            }

            if (entry.Waiting.Count > 0)
            {
                writer.WriteStartArray("waiting");
                foreach (var row in entry.Waiting)
                {
                    writer.WriteStartObject();
                    writer.WriteString("start", row.Start);
                    writer.WriteNumber("state", row.State);
                    writer.WriteNumber("sum", row.Sum);
                    writer.WriteBoolean("spread", row.Spread);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static bool TryRow(JsonElement element, out StatisticRow row)
    {
        row = default;
        if (element.ValueKind != JsonValueKind.Object
            || !TryTime(element, "start", out var start) || !TryNumber(element, "state", out var state) || !TryNumber(element, "sum", out var sum))
        {
            return false;
        }

        var spread = false;
        if (element.TryGetProperty("spread", out var flag))
        {
            if (flag.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return false;
            }

            spread = flag.GetBoolean();
        }

        row = new StatisticRow(start, state, sum, spread);
        return true;
    }

    private static bool TryTime(JsonElement element, string name, out DateTimeOffset time)
    {
        time = default;
        return element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out time);
    }

    private static bool TryNumber(JsonElement element, string name, out decimal number)
    {
        number = default;
        return element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out number);
    }
}
