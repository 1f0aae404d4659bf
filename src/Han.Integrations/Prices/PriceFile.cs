using System.Globalization;
using System.Text.Json;

namespace Han.Integrations.Prices;

/// <summary>
/// Spot prices from a local file, at any resolution (DESIGN.md §2.3), NOK/kWh excluding VAT:
/// <list type="bullet">
/// <item>CSV <c>start,nok_per_kwh[,end]</c>, <c>start</c> ISO 8601 with offset; a header line is allowed.
/// Without <c>end</c>, a price lasts until the next row's start, and the last row as long as the one
/// before it (a file of one row needs the end).</item>
/// <item>JSON: an array of <c>{"start", "end", "nok_per_kwh"}</c>, or hvakosterstrommen.no's own
/// <c>{"time_start", "time_end", "NOK_per_kWh"}</c>, so a day saved from it can be used as it is.</item>
/// </list>
/// </summary>
public static class PriceFile
{
    /// <summary>The file's prices in time order; a <see cref="PriceSourceException"/> naming the file, the line and what is wrong.</summary>
    public static IReadOnlyList<SpotPrice> Parse(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.TrimStart().StartsWith('[') ? ParseJson(path, text) : ParseCsv(path, text);
    }

    private static IReadOnlyList<SpotPrice> ParseCsv(string path, string text)
    {
        var rows = new List<(DateTimeOffset Start, decimal Price, DateTimeOffset? End, int Line)>();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#') || (rows.Count == 0 && line.StartsWith("start", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length is < 2 or > 3)
            {
                throw Bad(path, i + 1, $"'{line}' has {fields.Length} fields; write start,nok_per_kwh or start,nok_per_kwh,end");
            }

            if (fields.Length == 3 && fields[2].Trim().All(char.IsAsciiDigit))
            {
                throw Bad(path, i + 1, $"'{line}' has 3 fields, the third a number, not an end time: write the price with a point, not a comma ({fields[1].Trim()}.{fields[2].Trim()})");
            }

            rows.Add((ReadTime(path, i + 1, fields[0]), ReadPrice(path, i + 1, fields[1]), fields.Length == 3 ? ReadTime(path, i + 1, fields[2]) : null, i + 1));
        }

        rows.Sort((a, b) => a.Start.CompareTo(b.Start));
        var prices = new List<SpotPrice>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var end = rows[i].End
                ?? (i + 1 < rows.Count ? rows[i + 1].Start
                    : i > 0 ? rows[i].Start + (rows[i].Start - rows[i - 1].Start)
                    : throw Bad(path, rows[i].Line, "the only row has no end, so its length is unknown; add the end as a third field"));
            prices.Add(new SpotPrice(rows[i].Start, end, rows[i].Price));
        }

        return PriceSeries.Checked(prices, path);
    }

    private static IReadOnlyList<SpotPrice> ParseJson(string path, string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var prices = new List<SpotPrice>();
            var index = 0;
            foreach (var entry in document.RootElement.EnumerateArray())
            {
                var start = JsonTime(path, index, entry, "start", "time_start");
                var end = JsonTime(path, index, entry, "end", "time_end");
                var price = (entry.TryGetProperty("nok_per_kwh", out var value) || entry.TryGetProperty("NOK_per_kWh", out value)) && value.TryGetDecimal(out var number)
                    ? number
                    : throw new PriceSourceException($"{path}: entry {index + 1} has no number nok_per_kwh (or NOK_per_kWh)");
                prices.Add(new SpotPrice(start, end, price));
                index++;
            }

            return PriceSeries.Checked(prices, path);
        }
        catch (Exception problem) when (problem is JsonException or InvalidOperationException)
        {
            throw new PriceSourceException($"{path}: not a JSON array of prices ({problem.Message}); write [{{\"start\": \"2025-10-01T00:00:00+02:00\", \"end\": \"2025-10-01T00:15:00+02:00\", \"nok_per_kwh\": 0.5123}}, ...]");
        }
    }

    private static DateTimeOffset JsonTime(string path, int index, JsonElement entry, string name, string otherName) =>
        (entry.TryGetProperty(name, out var value) || entry.TryGetProperty(otherName, out value))
            && value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            && HasOffset(value.GetString()!)
            ? time
            : throw new PriceSourceException($"{path}: entry {index + 1} has no {name} (or {otherName}) as an ISO 8601 time with offset, such as 2025-10-01T00:00:00+02:00");

    private static DateTimeOffset ReadTime(string path, int line, string text)
    {
        var trimmed = text.Trim().Trim('"');
        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) && HasOffset(trimmed)
            ? time
            : throw Bad(path, line, $"'{trimmed}' is not an ISO 8601 time with offset, such as 2025-10-01T00:00:00+02:00");
    }

    /// <summary>Whether a time says its offset (Z, +02:00): a time without one would depend on this machine's zone.</summary>
    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':') || (text.Length > 5 && text[^5] is '+' or '-');

    private static decimal ReadPrice(string path, int line, string text) =>
        decimal.TryParse(text.Trim().Trim('"'), NumberStyles.Float, CultureInfo.InvariantCulture, out var price)
            ? price
            : throw Bad(path, line, $"'{text.Trim()}' is not a price in NOK/kWh such as 0.5123 (a point, not a comma, before the decimals)");

    private static PriceSourceException Bad(string path, int line, string what) => new($"{path} line {line}: {what}");
}
