using System.Globalization;
using System.Text.Json;

namespace Han.Pricing;

/// <summary>
/// Reads a rates file: <c>{"country": "NO", "rates": [{"name", "from", "to"?, "value", "unit",
/// "source", "assumed"?}, ...]}</c>, dates as yyyy-MM-dd (local, "to" excluded), values as JSON numbers
/// read straight into <see cref="decimal"/>. Every row must name its source.
/// </summary>
public static class RateBookReader
{
    public static RateBook Read(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var country = Required(root, "country", "the file").GetString()!;
        var rows = new List<RateRow>();
        foreach (var row in Required(root, "rates", "the file").EnumerateArray())
        {
            var name = Required(row, "name", "a rate").GetString()!;
            var where = $"rate '{name}'";
            var from = Date(Required(row, "from", where), where);
            DateOnly? to = row.TryGetProperty("to", out var toElement) && toElement.ValueKind != JsonValueKind.Null ? Date(toElement, where) : null;
            var value = Required(row, "value", where).GetDecimal();
            var unit = Required(row, "unit", where).GetString()!;
            var source = Required(row, "source", where).GetString()!;
            if (string.IsNullOrWhiteSpace(source))
            {
                throw new FormatException($"The {where} from {from:yyyy-MM-dd} has an empty source; every rate needs one.");
            }

            var assumed = row.TryGetProperty("assumed", out var assumedElement) && assumedElement.GetBoolean();
            rows.Add(new RateRow(name, from, to, value, unit, source, assumed));
        }

        return new RateBook(country, rows);
    }

    private static JsonElement Required(JsonElement element, string property, string where) =>
        element.TryGetProperty(property, out var value)
            ? value
            : throw new FormatException($"The rates data lacks \"{property}\" in {where}.");

    private static DateOnly Date(JsonElement element, string where) =>
        DateOnly.TryParseExact(element.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new FormatException($"The {where} has the date \"{element.GetString()}\"; write dates as yyyy-MM-dd.");
}
