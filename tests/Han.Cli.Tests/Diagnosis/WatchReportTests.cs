using Han.Cli.Diagnosis;
using Han.Pipeline;
using Han.Pipeline.Diagnosis;
using Han.Sources.Serial;

namespace Han.Cli.Tests.Diagnosis;

/// <summary>What a live diagnosis reports about its listening when the source itself kept the bytes away.</summary>
public sealed class WatchReportTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 20, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Describe_NoLineSettingFound_ListsWhatEachSettingShowedAndMakesItTheFinding()
    {
        var silent = LineSettingsCandidates.All.Take(2).Select(candidate => new CandidateObservation(candidate, 0, null, 0, 0, 0, InputKind.Unknown, CandidateVerdict.Silent, false)).ToList();
        var detection = new LineDetection(null, LineDetectionCertainty.NotFound, InputKind.Unknown, silent);
        var watch = new WatchResult("/dev/ttyUSB0 (line setting auto-detected)", null, detection, Start, null, Start.AddSeconds(24), WatchEnd.NoLineSetting, [(Start, "finding the line setting of /dev/ttyUSB0")]);
        using var diagnoser = new Diagnoser(DecoderOptions.Default);

        var diagnosis = WatchReport.Findings(watch, diagnoser.Complete());
        var text = WatchReport.Describe(watch, diagnosis) + diagnosis.ToText();

        Assert.Contains("Listened to /dev/ttyUSB0 (line setting auto-detected): no line setting read the meter, so there was nothing to listen to.", text, StringComparison.Ordinal);
        Assert.Contains("Line setting: none found by listening. Nothing arrived at any setting: is the meter's HAN port enabled", text, StringComparison.Ordinal);
        Assert.Contains($"  tried {silent[0]}", text, StringComparison.Ordinal);
        var finding = Assert.Single(diagnosis.Findings);
        Assert.Equal(FindingLevel.Problem, finding.Level);
        Assert.Contains("--baud 2400 --parity even (Aidon, Kaifa)", finding.NextStep, StringComparison.Ordinal);
        Assert.DoesNotContain("No bytes arrived", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_ManySourceEvents_ListsTheFirstTwentyAndCountsTheRest()
    {
        var events = Enumerable.Range(0, 25).Select(i => (Start.AddSeconds(i), $"event {i}")).ToList();
        var watch = new WatchResult("tcp://pi:3001", null, null, Start, Start, Start.AddMinutes(1), WatchEnd.Duration, events);
        using var diagnoser = new Diagnoser(DecoderOptions.Default);

        var text = WatchReport.Describe(watch, diagnoser.Complete());

        Assert.Contains("  after 19.0 s: event 19\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("event 20", text, StringComparison.Ordinal);
        Assert.Contains("  ... and 5 more\n", text, StringComparison.Ordinal);
    }
}
