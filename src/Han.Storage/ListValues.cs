using System.Text.Json;

namespace Han.Storage;

/// <summary>Reads the numbers of a stored list's JSON back as exact decimals, by their schema keys (DESIGN.md §2.2).</summary>
public static class ListValues
{
    /// <summary>Every top-level number of <paramref name="json"/> (<c>active_power_import</c>, ...); text and the <c>obis</c> object are left out.</summary>
    public static IReadOnlyDictionary<string, decimal> Numbers(string json)
    {
        var numbers = new Dictionary<string, decimal>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(json);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Number)
            {
                numbers[property.Name] = property.Value.GetDecimal();
            }
        }

        return numbers;
    }
}
