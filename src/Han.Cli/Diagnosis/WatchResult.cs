using Han.Sources.Serial;

namespace Han.Cli.Diagnosis;

/// <summary>How a live diagnosis listened: to what, how long, how it ended, the line setting and what the source reported.</summary>
/// <param name="Source">The source as it describes itself at the end (a serial device with the setting it was read at).</param>
/// <param name="Given">The line setting given on the command line; null for a TCP source or <c>--baud auto</c>.</param>
/// <param name="Detection">What the search for the line setting found; null when none ran (or none ended).</param>
/// <param name="OpenedAt">When the source was first open; null when it never was.</param>
/// <param name="Events">What the source reported, with when (connection attempts left out).</param>
internal sealed record WatchResult(
    string Source,
    LineSettings? Given,
    LineDetection? Detection,
    DateTimeOffset StartedAt,
    DateTimeOffset? OpenedAt,
    DateTimeOffset EndedAt,
    WatchEnd End,
    IReadOnlyList<(DateTimeOffset At, string Message)> Events);
