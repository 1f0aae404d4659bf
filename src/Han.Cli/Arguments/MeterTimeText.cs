using System.Globalization;
using Han.Simulation.Time;

namespace Han.Cli.Arguments;

/// <summary>
/// A meter-clock instant as <c>--start</c> takes it: ISO 8601 with an offset or Z (an instant), or
/// without (Norwegian wall time, as the meter's clock shows it), or a date alone (its midnight).
/// </summary>
internal static class MeterTimeText
{
    public const string Examples = "e.g. 2025-03-30 (midnight, Norwegian time), 2025-03-30T01:30 (Norwegian wall time), 2025-03-30T00:30+01:00 or 2025-03-29T23:30Z";

    private static readonly string[] LocalForms = ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    /// <summary>The instant, or an error that names the option, the value and what would be valid.</summary>
    public static bool TryParse(string? text, out DateTimeOffset instant, out string error)
    {
        instant = default;
        error = string.Empty;
        var value = text?.Trim() ?? string.Empty;
        var hasOffset = value.EndsWith('Z') || (value.Length > 10 && (value[^6] is '+' or '-') && value[^3] == ':');
        if (hasOffset && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant))
        {
            return true;
        }

        if (!hasOffset && DateTime.TryParseExact(value, LocalForms, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            if (NorwegianTime.TryFromLocal(local, out instant))
            {
                return true;
            }

            error = $"--start: {value} does not exist in Norway: the clocks go from 02:00 to 03:00 that night; give a time before or after, or one with an offset.";
            return false;
        }

        error = $"--start: '{text}' is not a time; use ISO 8601, {Examples}.";
        return false;
    }
}
