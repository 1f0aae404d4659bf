using Han.Readings;

namespace Han.Simulation.Tests;

/// <summary>Compares a decoded reading with the one the simulator says it sent.</summary>
internal static class ReadingAssert
{
    public static void Same(MeterReading sent, MeterReading decoded, string context)
    {
        var problems = Differences(sent, decoded);
        Assert.True(problems.Count == 0, $"{context}: {string.Join("; ", problems)}");
    }

    public static List<string> Differences(MeterReading sent, MeterReading decoded)
    {
        var problems = new List<string>();
        foreach (var field in Enum.GetValues<ReadingField>())
        {
            if (sent[field] != decoded[field])
            {
                problems.Add($"{ReadingFieldInfo.Of(field).Key}: sent {sent[field]?.ToString() ?? "nothing"}, decoded {decoded[field]?.ToString() ?? "nothing"}");
            }
        }

        Compare(problems, "list_version", sent.ListVersion, decoded.ListVersion);
        Compare(problems, "meter_id", sent.MeterId, decoded.MeterId);
        Compare(problems, "meter_type", sent.MeterType, decoded.MeterType);
        Compare(problems, "meter_time", sent.MeterTime?.Local.ToString("O"), decoded.MeterTime?.Local.ToString("O"));
        if (decoded.MeterManufacturer is not null)
        {
            Compare(problems, "meter_manufacturer", sent.MeterManufacturer, decoded.MeterManufacturer);
        }

        // A list with its clock in the header and as an object (Kaifa, Kamstrup list 3) keeps the object
        // under its OBIS code: it must be the same clock. Nothing else may be left over.
        foreach (var other in decoded.Other)
        {
            var sameClock = other.Code.C == 1 && other.Code.D == 0 && other.Value is CosemValue.Time time
                && time.Value.TryGetLocalTime(out var local) && local == sent.MeterTime?.Local;
            if (!sameClock)
            {
                problems.Add($"decoded an extra value {other.Code}: {other.Value}");
            }
        }

        if (decoded.Remarks.Count > 0)
        {
            problems.Add($"decoded remarks: {string.Join(", ", decoded.Remarks.Select(remark => remark.ToString()))}");
        }

        return problems;
    }

    private static void Compare(List<string> problems, string key, string? sent, string? decoded)
    {
        if (sent != decoded)
        {
            problems.Add($"{key}: sent {sent ?? "nothing"}, decoded {decoded ?? "nothing"}");
        }
    }
}
