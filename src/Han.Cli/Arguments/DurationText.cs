using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Han.Cli.Arguments;

/// <summary>
/// A duration as commands take it (<c>--duration</c>): numbers with units, largest first, e.g. <c>90s</c>,
/// <c>15m</c>, <c>2h</c>, <c>1d</c>, <c>1w</c>, <c>1h30m</c>, <c>500ms</c>.
/// </summary>
internal static partial class DurationText
{
    public const string Examples = "90s, 15m, 2h, 1d, 1w or 1h30m";

    public static bool TryParse(string? text, [NotNullWhen(true)] out TimeSpan? duration)
    {
        duration = null;
        var match = Pattern().Match(text ?? string.Empty);
        if (!match.Success)
        {
            return false;
        }

        var total = TimeSpan.Zero;
        foreach (Capture part in match.Groups["part"].Captures)
        {
            var unitAt = part.Value.IndexOfAny(['w', 'd', 'h', 'm', 's']);
            var number = decimal.Parse(part.Value[..unitAt], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            var unit = part.Value[unitAt..] switch
            {
                "w" => TimeSpan.FromDays(7),
                "d" => TimeSpan.FromDays(1),
                "h" => TimeSpan.FromHours(1),
                "m" => TimeSpan.FromMinutes(1),
                "s" => TimeSpan.FromSeconds(1),
                _ => TimeSpan.FromMilliseconds(1),
            };
            if (number * unit.Ticks > TimeSpan.MaxValue.Ticks - total.Ticks)
            {
                return false;
            }

            total += TimeSpan.FromTicks((long)(number * unit.Ticks));
        }

        duration = total;
        return total > TimeSpan.Zero;
    }

    /// <summary>A duration for a sentence: <c>30 s</c>, <c>61 min</c>, <c>2.5 h</c>.</summary>
    public static string Describe(TimeSpan duration) => duration.TotalSeconds switch
    {
        < 120 => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.#} s"),
        < 7200 => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMinutes:0.#} min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalHours:0.#} h"),
    };

    [GeneratedRegex(@"^(?<part>\d+(\.\d+)?(w|d|h|ms|m|s))+$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
