using System.Globalization;
using System.Text;
using Han.Cli.Arguments;
using Han.Pipeline.Diagnosis;
using Han.Protocol;
using DiagnosisResult = Han.Pipeline.Diagnosis.Diagnosis;

namespace Han.Cli.Diagnosis;

/// <summary>
/// What a live diagnosis adds to the report of a file: how the source was listened to (for how long, how
/// it ended, the line setting and how it was found, what the source reported) and what the listening
/// could not see. When there was nothing to decode because of the source itself (it never opened, or no
/// line setting read the meter), that is the finding, in place of a misleading "no bytes arrived".
/// </summary>
internal static class WatchReport
{
    /// <summary>At most this many source events are listed; a bridge that comes and goes all hour would bury the rest.</summary>
    private const int MostEvents = 20;

    /// <summary>The lines about the listening, each ending in <c>\n</c> and escaped (source messages quote device names and hosts).</summary>
    public static string Describe(WatchResult watch, DiagnosisResult diagnosis)
    {
        var text = new StringBuilder();
        void Line(string content) => text.Append(PrintableText.Escape(content)).Append('\n');

        Line($"Listened to {watch.Source}{HowLong(watch)}");
        if (watch.Given is { } given)
        {
            Line($"Line setting: {given}, as given.");
        }
        else if (watch.Detection is { } detection)
        {
            Line((detection.Settings is null || watch.End == WatchEnd.NoLineSetting ? "Line setting: none found by listening. " : "Line setting found by listening: ") + detection.Describe());
            foreach (var candidate in detection.Candidates)
            {
                Line($"  tried {candidate}");
            }
        }

        if (watch.Events.Count > 0)
        {
            Line("What the source reported:");
            foreach (var (at, message) in watch.Events.Take(MostEvents))
            {
                Line(string.Create(CultureInfo.InvariantCulture, $"  after {(at - watch.StartedAt).TotalSeconds:0.0} s: {message}"));
            }

            if (watch.Events.Count > MostEvents)
            {
                Line(string.Create(CultureInfo.InvariantCulture, $"  ... and {watch.Events.Count - MostEvents} more"));
            }
        }

        var seen = diagnosis.Facts.Seen;
        if (watch.OpenedAt is not null && seen.Readings > 0 && seen.RegisterReadings == 0)
        {
            Line("No hourly list came (the one with the energy registers): Norwegian meters send it only just after each full hour. To see it, listen across one: --duration 61m.");
        }

        return text.Append('\n').ToString();
    }

    /// <summary>
    /// The diagnosis to report: the decoder's, unless the source gave it nothing to decode; then what
    /// kept the bytes away is the one finding.
    /// </summary>
    public static DiagnosisResult Findings(WatchResult watch, DiagnosisResult diagnosis)
    {
        if (watch.End == WatchEnd.NoLineSetting && watch.Detection is { } detection)
        {
            return new(diagnosis.Facts, [new(FindingLevel.Problem, detection.Describe(), "If you know the meter's setting, give it, and han diagnose shows what arrives at it: --baud 2400 --parity even (Aidon, Kaifa) or --baud 2400 --parity none (Kamstrup).")]);
        }

        if (watch.OpenedAt is null && diagnosis.Facts.Counters.Bytes == 0)
        {
            // The last attempt says why; when the next one would have come no longer matters.
            var why = watch.Events.Count > 0 ? watch.Events[^1].Message : "it did not answer";
            var retry = why.IndexOf("; trying again", StringComparison.Ordinal);
            why = retry > 0 ? why[..retry] : why;
            return new(diagnosis.Facts, [new(FindingLevel.Problem, $"The source never opened: {why}.", "Check that the bridge (ser2net, socat, an ESP reader) runs and listens on that host and port, or that the device is plugged in; then run han diagnose again.")]);
        }

        return diagnosis;
    }

    private static string HowLong(WatchResult watch)
    {
        var ending = watch.End == WatchEnd.Interrupted ? "stopped by Ctrl-C" : "the --duration";
        return watch switch
        {
            { End: WatchEnd.NoLineSetting } => ": no line setting read the meter, so there was nothing to listen to.",
            { OpenedAt: null } => $": it never opened, in {DurationText.Describe(watch.EndedAt - watch.StartedAt)} of trying ({ending}).",
            { OpenedAt: { } opened } => $" for {DurationText.Describe(watch.EndedAt - opened)} from when it was open ({ending}).",
        };
    }
}
