namespace Han.Trust.Tests;

public class CapacityBasisCalculatorTests
{
    /// <summary>2026-02-01 00:00 in Oslo (CET).</summary>
    private static readonly DateTimeOffset February = new(2026, 1, 31, 23, 0, 0, TimeSpan.Zero);

    /// <summary>Four weeks of 1 kWh hours, with the given hours (hours since 1 February 00:00) set higher.</summary>
    private static MeterHistory Month(params (int Hour, decimal Kwh)[] peaks)
    {
        var hours = Enumerable.Repeat(1m, 28 * 24).ToArray();
        foreach (var (hour, kwh) in peaks)
        {
            hours[hour] = kwh;
        }

        return MeterHistory.Of(February, hours);
    }

    [Fact]
    public void Compute_ThreePeaksOnDifferentDays_AveragesThemAndNamesTheHours()
    {
        var history = Month((10, 6.2m), (24 + 18, 5.8m), (48 + 7, 4.9m), (72 + 8, 3m));

        var basis = CapacityBasisCalculator.Compute(history.Ledger(), 2026, 2, MeterHistory.Oslo);

        // specs/pricing.md §9: daily maxima 6.2, 5.8, 4.9 -> mean 5.63.
        Assert.Equal(5.633333m, Math.Round(basis.MeanKwh!.Value, 6));
        Assert.Equal([February.AddHours(10), February.AddHours(42), February.AddHours(55)], basis.Peaks.Select(p => p.StartUtc));
        Assert.Equal([new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 2), new DateOnly(2026, 2, 3)], basis.Peaks.Select(p => p.Day));
        Assert.False(basis.AnyEstimated);
    }

    [Fact]
    public void Compute_ThreeHighestHoursOnOneDay_CountsOnlyThatDaysHighest()
    {
        var history = Month((17, 9m), (18, 8m), (19, 7m), (24 + 12, 2m), (48 + 12, 1.5m));

        var basis = CapacityBasisCalculator.Compute(history.Ledger(), 2026, 2, MeterHistory.Oslo);

        Assert.Equal([9m, 2m, 1.5m], basis.Peaks.Select(p => p.ImportKwh));
        Assert.Equal(12.5m / 3, basis.MeanKwh);
        Assert.Equal(3, basis.Peaks.Select(p => p.Day).Distinct().Count());
    }

    [Fact]
    public void Compute_TiedPeaks_TakesTheEarliestHoursAndDays()
    {
        var history = Month((5 * 24 + 9, 4m), (5 * 24 + 20, 4m), (3 * 24 + 8, 4m), (9 * 24 + 8, 4m), (1 * 24 + 8, 4m));

        var basis = CapacityBasisCalculator.Compute(history.Ledger(), 2026, 2, MeterHistory.Oslo);

        Assert.Equal(4m, basis.MeanKwh);
        Assert.Equal([February.AddHours(32), February.AddHours(80), February.AddHours(129)], basis.Peaks.Select(p => p.StartUtc));
    }

    [Fact]
    public void Compute_RegisterJumpInTheMonth_DoesNotMakeAPeakAndTheEstimateStandsIn()
    {
        var history = Month((10, 6m), (24 + 10, 5m), (48 + 10, 4m));
        // The register steps up 300 kWh at 12:00 on 10 February and stays there.
        history.ShiftFrom(February.AddHours((9 * 24) + 12), 300m);

        var rows = history.Ledger();
        var basis = CapacityBasisCalculator.Compute(rows, 2026, 2, MeterHistory.Oslo);

        Assert.Equal(5m, basis.MeanKwh);
        Assert.Equal([6m, 5m, 4m], basis.Peaks.Select(p => p.ImportKwh));
        Assert.Contains(rows, r => r.Flags.Any(f => f.Kind == HourFlagKind.ImplausibleJump));
        Assert.False(basis.AnyEstimated);
    }

    [Fact]
    public void Compute_FlaggedPeakHour_UsesItsEstimateAndSaysSoOrLeavesItOutWhenExactOnly()
    {
        var history = Month((10, 6m), (24 + 10, 5m), (48 + 10, 4m), (72 + 10, 3m));
        history.ShiftFrom(February.AddHours(11), 100m); // the 6 kWh hour now reads 106 kWh

        var rows = history.Ledger();
        var basis = CapacityBasisCalculator.Compute(rows, 2026, 2, MeterHistory.Oslo);
        var exact = CapacityBasisCalculator.Compute(rows, 2026, 2, MeterHistory.Oslo, exactOnly: true);

        Assert.Equal([6m, 5m, 4m], basis.Peaks.Select(p => p.ImportKwh));
        Assert.True(basis.AnyEstimated);
        Assert.Equal(EnergySource.Estimated, basis.Peaks[0].Source);
        Assert.Equal(HourFlagKind.ImplausibleJump, Assert.Single(basis.Peaks[0].Flags).Kind);
        Assert.Equal([5m, 4m, 3m], exact.Peaks.Select(p => p.ImportKwh));
        Assert.False(exact.AnyEstimated);
    }

    [Fact]
    public void Compute_HoursOfOtherMonths_AreLeftOutByLocalDate()
    {
        // 31 January 23:00 local is 22:00Z: January, though its UTC date is the same as February's first hour's.
        var history = MeterHistory.Of(February.AddHours(-1), [9m, 1m, 2m]);

        var basis = CapacityBasisCalculator.Compute(history.Ledger(), 2026, 2, MeterHistory.Oslo);

        Assert.Equal(2m, basis.MeanKwh);
        Assert.Equal(new DateOnly(2026, 2, 1), Assert.Single(basis.Peaks).Day);
    }

    [Fact]
    public void Compute_NoKnownHours_HasNoBasis()
    {
        var basis = CapacityBasisCalculator.Compute([], 2026, 2, MeterHistory.Oslo);

        Assert.Null(basis.MeanKwh);
        Assert.Empty(basis.Peaks);
    }
}
