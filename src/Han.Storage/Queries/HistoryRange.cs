using System.Diagnostics.CodeAnalysis;

namespace Han.Storage.Queries;

/// <summary>
/// A time range [<see cref="From"/>, <see cref="To"/>) read from a <c>from</c> and a <c>to</c> as users
/// write them (<see cref="HistoryTime"/>), for the REST API and <c>han export</c> alike. <c>to</c> is
/// exclusive. A missing side takes the caller's default, except that a calendar <c>from</c> alone covers
/// the period it names (<c>from=2025</c> is the year 2025).
/// </summary>
public sealed record HistoryRange(DateTimeOffset From, DateTimeOffset To)
{
    public TimeSpan Length => To - From;

    /// <param name="fromName">How the caller calls the start (<c>from</c> in a URL, <c>--from</c> on the command line), for the message.</param>
    /// <param name="problem">When false: the parameter, its value and what is valid, in one sentence.</param>
    public static bool TryParse(
        string? fromText,
        string? toText,
        TimeZoneInfo zone,
        HistoryRange defaults,
        (string From, string To) names,
        [NotNullWhen(true)] out HistoryRange? range,
        out string problem)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(defaults);
        range = null;
        problem = string.Empty;
        DateTimeOffset from = defaults.From, to = defaults.To;
        CalendarUnit? fromUnit = null;
        if (fromText is not null && !HistoryTime.TryParse(fromText, zone, out from, out fromUnit))
        {
            problem = Refusal(names.From, fromText);
            return false;
        }

        if (toText is not null)
        {
            if (!HistoryTime.TryParse(toText, zone, out to, out _))
            {
                problem = Refusal(names.To, toText);
                return false;
            }
        }
        else if (fromText is not null)
        {
            to = fromUnit is { } unit ? HistoryTime.EndOf(from, unit, zone) : defaults.To;
        }

        if (to <= from)
        {
            problem = $"{names.To} ({(toText ?? "default " + HistoryTime.ToIso(to, zone))}) must be after {names.From} ({(fromText ?? "default " + HistoryTime.ToIso(from, zone))}); {names.To} is exclusive";
            return false;
        }

        range = new HistoryRange(from, to);
        return true;
    }

    private static string Refusal(string name, string value) => $"{name} '{value}' is not a time; give {HistoryTime.Forms}";
}
