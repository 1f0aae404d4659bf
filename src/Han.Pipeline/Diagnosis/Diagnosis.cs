using System.Globalization;
using System.Text;
using Han.Protocol;

namespace Han.Pipeline.Diagnosis;

/// <summary>The outcome of watching an input: the facts and what they mean, as text a user can act on.</summary>
public sealed class Diagnosis(DiagnosisFacts facts, IReadOnlyList<Finding> findings)
{
    public DiagnosisFacts Facts { get; } = facts;

    public IReadOnlyList<Finding> Findings { get; } = findings;

    /// <summary>True when nothing stops the input from being decoded.</summary>
    public bool IsHealthy => Findings.All(finding => finding.Level != FindingLevel.Problem);

    /// <summary>
    /// The report a user reads (and the bug-report bundle keeps). It quotes meter text (manufacturer,
    /// meter type, list identifier, list descriptions, sender ids), so every line is escaped
    /// (<see cref="PrintableText"/>) and lines end with <c>\n</c>, the only control character in it.
    /// </summary>
    public string ToText()
    {
        var text = new StringBuilder();
        void Line(string content = "") => text.Append(PrintableText.Escape(content)).Append('\n');

        var seen = Facts.Seen;
        var framing = Facts.Counters.Framing;
        var kind = framing.Frames > 0 || seen.Readings > 0 || seen.CipheredApdus > 0 ? DiagnosisRules.Describe(Facts.Kind) : "in which no frame, telegram or APDU could be found";
        Line(string.Create(CultureInfo.InvariantCulture, $"What arrived: {Facts.Counters.Bytes} bytes, {kind}."));
        Line(string.Create(CultureInfo.InvariantCulture, $"  frames or telegrams: {framing.Frames} good; bytes outside them: {framing.DiscardedBytes}; readings: {seen.Readings}; problems: {Facts.Counters.Problems}"));
        if (seen.Manufacturers.Count > 0 || seen.MeterTypes.Count > 0)
        {
            Line("  meter: " + $"{Join(seen.Manufacturers)} {Join(seen.MeterTypes)}".Trim());
        }

        if (seen.ListVersions.Count > 0)
        {
            Line($"  list identifier: {Join(seen.ListVersions)}");
        }

        foreach (var (list, count) in seen.Lists.OrderByDescending(pair => pair.Value))
        {
            Line($"  list: {list} ({(count == 1 ? "once" : count.ToString(CultureInfo.InvariantCulture) + " times")})");
        }

        if (seen.CipheredApdus > 0)
        {
            Line(string.Create(CultureInfo.InvariantCulture, $"  encrypted: {seen.CipheredApdus} ciphered APDUs from {Join(seen.Senders, "an unnamed sender")}, security {Join(seen.SecurityModes)}; decrypted: {seen.Decrypted}"));
        }

        Line();
        Line("Findings:");
        foreach (var finding in Findings)
        {
            var mark = finding.Level switch
            {
                FindingLevel.Problem => "PROBLEM",
                FindingLevel.Warning => "warning",
                _ => "ok",
            };
            Line($"  [{mark}] {finding.Message}");
            if (finding.NextStep is { } next)
            {
                Line($"      next: {next}");
            }
        }

        return text.ToString();
    }

    private static string Join(IEnumerable<string> values, string none = "") =>
        values.Any() ? string.Join(", ", values) : none;
}
