using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Han.Integrations.Tests.HomeAssistant.Statistics;

/// <summary>
/// The schema of <c>recorder/import_statistics</c> as integrations.md §1.9 gives it (HA12 newest schema,
/// HA13 row rules), written out independently of han's message writer: the problems of one message, none
/// when Home Assistant would take it as an external statistic.
/// </summary>
internal static partial class ImportStatisticsSchema
{
    private static readonly string[] MetadataKeys = ["statistic_id", "source", "name", "unit_of_measurement", "has_sum", "has_mean", "mean_type", "unit_class"];
    private static readonly string[] RowKeys = ["start", "mean", "min", "max", "last_reset", "state", "sum"];

    public static List<string> Check(JsonElement message)
    {
        var problems = new List<string>();
        if (!message.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.Number || !id.TryGetInt32(out _))
        {
            problems.Add("id: missing or not an integer");
        }

        if (!message.TryGetProperty("metadata", out var metadata) || metadata.ValueKind != JsonValueKind.Object)
        {
            problems.Add("metadata: missing or not an object");
            return problems;
        }

        foreach (var property in metadata.EnumerateObject().Where(p => !MetadataKeys.Contains(p.Name)))
        {
            problems.Add($"metadata.{property.Name}: extra keys not allowed");
        }

        var statisticId = RequiredString(metadata, "statistic_id", problems, nullable: false);
        var source = RequiredString(metadata, "source", problems, nullable: false);
        RequiredString(metadata, "name", problems, nullable: true);
        RequiredString(metadata, "unit_of_measurement", problems, nullable: true);
        if (!metadata.TryGetProperty("has_sum", out var hasSum) || hasSum.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            problems.Add("metadata.has_sum: required bool");
        }

        if (metadata.TryGetProperty("has_mean", out var hasMean) && hasMean.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            problems.Add("metadata.has_mean: not a bool");
        }

        if (metadata.TryGetProperty("mean_type", out var meanType) && (meanType.ValueKind != JsonValueKind.Number || !meanType.TryGetInt32(out var mean) || mean is < 0 or > 2))
        {
            problems.Add("metadata.mean_type: not 0, 1 or 2");
        }

        if (metadata.TryGetProperty("unit_class", out var unitClass) && unitClass.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
        {
            problems.Add("metadata.unit_class: not a string or null");
        }

        if (statisticId is not null)
        {
            if (!ExternalStatisticId().IsMatch(statisticId))
            {
                problems.Add($"metadata.statistic_id: '{statisticId}' does not match the external statistic id pattern");
            }
            else if (source != statisticId[..statisticId.IndexOf(':', StringComparison.Ordinal)])
            {
                problems.Add($"metadata.source: '{source}' is not the domain of '{statisticId}'");
            }
        }

        if (!message.TryGetProperty("stats", out var stats) || stats.ValueKind != JsonValueKind.Array)
        {
            problems.Add("stats: missing or not a list");
            return problems;
        }

        var index = 0;
        foreach (var row in stats.EnumerateArray())
        {
            CheckRow(row, $"stats[{index++}]", problems);
        }

        return problems;
    }

    /// <summary>A timestamp as Home Assistant takes it for a row: with an offset (not naive), exactly on the hour.</summary>
    public static bool TryParseStart(string text, out DateTimeOffset start, out string problem)
    {
        start = default;
        if (!WithOffset().IsMatch(text))
        {
            problem = $"'{text}' is naive (no offset)";
            return false;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out start))
        {
            problem = $"'{text}' is not a datetime";
            return false;
        }

        if (start.Minute != 0 || start.Second != 0 || start.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            problem = $"'{text}' is not exactly on the hour (invalid timestamp)";
            return false;
        }

        problem = string.Empty;
        return true;
    }

    private static void CheckRow(JsonElement row, string path, List<string> problems)
    {
        if (row.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path}: not an object");
            return;
        }

        foreach (var property in row.EnumerateObject())
        {
            if (!RowKeys.Contains(property.Name))
            {
                problems.Add($"{path}.{property.Name}: extra keys not allowed");
            }
            else if (property.Name is "start" or "last_reset")
            {
                continue;
            }
            else if (property.Value.ValueKind != JsonValueKind.Number)
            {
                problems.Add($"{path}.{property.Name}: not a number");
            }
        }

        if (!row.TryGetProperty("start", out var start) || start.ValueKind != JsonValueKind.String)
        {
            problems.Add($"{path}.start: required datetime");
        }
        else if (!TryParseStart(start.GetString()!, out _, out var problem))
        {
            problems.Add($"{path}.start: {problem}");
        }
    }

    private static string? RequiredString(JsonElement parent, string name, List<string> problems, bool nullable)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            problems.Add($"metadata.{name}: required");
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        if (!(nullable && value.ValueKind == JsonValueKind.Null))
        {
            problems.Add($"metadata.{name}: not a string");
        }

        return null;
    }

    /// <summary>integrations.md §1.9: <c>^(?!.+__)(?!_)[\da-z_]+(?&lt;!_):(?!_)[\da-z_]+(?&lt;!_)$</c>.</summary>
    [GeneratedRegex(@"^(?!.+__)(?!_)[\da-z_]+(?<!_):(?!_)[\da-z_]+(?<!_)$")]
    public static partial Regex ExternalStatisticId();

    [GeneratedRegex(@"(Z|[+-]\d\d:?\d\d)$")]
    private static partial Regex WithOffset();
}
