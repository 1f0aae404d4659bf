using Han.Protocol;
using Han.Readings;
using Han.Simulation.Faults;
using Han.Simulation.Vendors;

namespace Han.Simulation.Tests;

/// <summary>Each fault is injected, logged, and seen by the real decoder as the problem it is; every intact list still decodes.</summary>
public sealed class FaultTests
{
    [Theory]
    [InlineData(FaultKind.BadCrc, DecodeError.BadFcs)]
    [InlineData(FaultKind.Truncated, DecodeError.MissingClosingFlag)]
    [InlineData(FaultKind.Garbage, DecodeError.SkippedBytes)]
    [InlineData(FaultKind.Disconnect, DecodeError.MissingClosingFlag)]
    public void LineFault_IsLoggedAndReportedAtItsOffset_AndEveryIntactListDecodes(FaultKind kind, DecodeError seen)
    {
        var run = Simulation.For("aidon", TimeSpan.FromMinutes(20), faults: FaultPlan.Of((kind, 0.1)));
        var struck = run.Sent.Where(list => list.Fault == kind && list.Wire.Length > 0).ToList();
        Assert.True(struck.Count >= 5, $"only {struck.Count} lists struck by {kind}");

        var decoded = EveryIntactListDecodes(run);

        foreach (var list in struck)
        {
            Assert.Contains(decoded.Problems, problem => problem.Offset == list.Offset && problem.Error == seen);
        }
    }

    [Fact]
    public void Disconnect_CutsAFrameAndSilencesTheLine_AndDropsTheConnection()
    {
        var run = Simulation.For("kaifa", TimeSpan.FromMinutes(30), faults: FaultPlan.Of((FaultKind.Disconnect, 0.02)));
        var cuts = run.Sent.Where(list => list.DropsConnection).ToList();
        Assert.NotEmpty(cuts);
        foreach (var cut in cuts)
        {
            Assert.Equal(FaultKind.Disconnect, cut.Fault);
            var silent = run.Sent.SkipWhile(list => list != cut).Skip(1).TakeWhile(list => list.Fault == FaultKind.Disconnect && list.Wire.Length == 0).ToList();
            Assert.InRange((silent.Count + 1) * 2, 5, 62);
        }

        EveryIntactListDecodes(run);
    }

    [Fact]
    public void MissingHour_SendsNothing_TheDecoderSeesNoListThatHour()
    {
        var run = Simulation.For("aidon", TimeSpan.FromHours(6), faults: FaultPlan.Of((FaultKind.MissingHour, 0.5)));
        var hourly = run.Sent.Where(list => list.Kind == ListKind.Hourly).ToList();
        Assert.Contains(hourly, list => list.Fault == FaultKind.MissingHour);
        Assert.Contains(hourly, list => list.Fault is null);
        Assert.All(hourly.Where(list => list.Fault == FaultKind.MissingHour), list => Assert.Empty(list.Wire));

        var decoded = EveryIntactListDecodes(run);

        var decodedHours = decoded.Readings.Where(reading => reading.Reading.Has(ReadingField.ActiveEnergyImport)).Select(reading => reading.Reading.MeterTime!.Value.Local);
        Assert.Equal(hourly.Where(list => list.Fault is null).Select(list => list.Content.MeterTime!.Value.Local), decodedHours);
    }

    [Fact]
    public void RepeatedHour_SendsThePreviousHoursListAgain()
    {
        var run = Simulation.For("aidon", TimeSpan.FromHours(6), faults: FaultPlan.Of((FaultKind.RepeatedHour, 0.5)));
        var hourly = run.Sent.Where(list => list.Kind == ListKind.Hourly).ToList();
        var repeats = hourly.Where(list => list.Fault == FaultKind.RepeatedHour).ToList();
        Assert.NotEmpty(repeats);

        var decoded = EveryIntactListDecodes(run);

        foreach (var repeat in repeats)
        {
            var previous = hourly[hourly.IndexOf(repeat) - 1];
            var reading = Assert.Single(decoded.Readings, reading => reading.Offset >= repeat.Offset && reading.Offset < repeat.Offset + repeat.Wire.Length).Reading;
            Assert.Equal(previous.Content.MeterTime!.Value.Local, reading.MeterTime!.Value.Local);
            Assert.Equal(previous.Content[ReadingField.ActiveEnergyImport], reading[ReadingField.ActiveEnergyImport]);
            Assert.NotEqual(repeat.Content.MeterTime, reading.MeterTime);
        }
    }

    [Fact]
    public void AllFaults_AtOnce_EveryProblemLiesInADamagedList()
    {
        Assert.True(FaultPlan.TryParse("all:0.05,missing-hour:30%,repeated-hour:0.3", out var plan, out _));

        var run = Simulation.For("kamstrup", TimeSpan.FromHours(8), faults: plan);

        Assert.Equal(Enum.GetValues<FaultKind>().Length, run.Sent.Select(list => list.Fault).OfType<FaultKind>().Distinct().Count());
        EveryIntactListDecodes(run);
    }

    /// <summary>
    /// Decodes the run: the intact lists come out, in order, as sent, each inside its own bytes; every
    /// problem lies inside the bytes of a damaged list (or on the closing flag just before it, which
    /// noise starting like a frame header makes the decoder try as an opening flag); every damaged list
    /// that put bytes on the wire caused at least one problem.
    /// </summary>
    private static Decoded EveryIntactListDecodes(Simulation.Run run)
    {
        var decoded = Decoded.From(run.Stream);
        var intact = run.Sent.Where(list => list.Intact).ToList();
        Assert.Equal(intact.Count, decoded.Readings.Count);
        for (var i = 0; i < intact.Count; i++)
        {
            Assert.InRange(decoded.Readings[i].Offset, intact[i].Offset + intact[i].FrameStart, intact[i].Offset + intact[i].Wire.Length - 1);
            ReadingAssert.Same(intact[i].Expected!, decoded.Readings[i].Reading, $"list {intact[i].Sequence}");
        }

        var damaged = run.Sent.Where(list => list.Wire.Length > 0 && (!list.Intact || list.FrameStart > 0)).ToList();
        foreach (var problem in decoded.Problems)
        {
            Assert.Contains(damaged, list => problem.Offset >= list.Offset - 1 && problem.Offset < list.Offset + list.Wire.Length);
        }

        // Every byte is accounted for: in a good frame exactly when it belongs to an intact list's frame.
        Assert.Equal(intact.Count, decoded.Counters.Framing.Frames);
        Assert.Equal(intact.Sum(list => (long)list.Wire.Length - list.FrameStart), decoded.Counters.Framing.FrameBytes);
        Assert.Equal(run.Stream.Length - decoded.Counters.Framing.FrameBytes, decoded.Counters.Framing.DiscardedBytes);

        // A damaged list starts a problem of its own, unless it follows another damaged list, whose
        // run of skipped bytes may go on through it.
        var withBytes = run.Sent.Where(list => list.Wire.Length > 0).ToList();
        for (var i = 0; i < withBytes.Count; i++)
        {
            var list = withBytes[i];
            var merged = i > 0 && damaged.Contains(withBytes[i - 1]);
            Assert.True(
                !damaged.Contains(list) || merged || decoded.Problems.Any(problem => problem.Offset >= list.Offset && problem.Offset < list.Offset + list.Wire.Length),
                $"list {list.Sequence} ({list.Fault}, bytes {list.Offset}-{list.Offset + list.Wire.Length - 1}) caused no problem");
        }

        return decoded;
    }
}
