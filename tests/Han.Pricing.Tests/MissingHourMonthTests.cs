using Han.Pricing;

namespace Han.Pricing.Tests;

/// <summary>A month where the store flagged an hour as estimated, and one where an hour is absent.</summary>
public class MissingHourMonthTests
{
    private static readonly DateTime FlaggedHour = new(2026, 9, 8, 18, 0, 0);

    // The flagged hour is the month's highest (a register the store did not believe, replaced by an estimate).
    private static List<TestHour> September() =>
        [.. Scenario.Month(2026, 9, Load.House(5), Load.Spot(6)).Select(h => h.Local == FlaggedHour ? h with { Kwh = 12.5m, Estimated = true } : h)];

    [Fact]
    public void Compute_EstimatedHour_IsBilledAndSaysHowMuchWasEstimated()
    {
        var month = September();

        var report = Scenario.Run(Scenario.Settings(), CostPeriod.Month(2026, 9), month);

        ReportAssert.Matches(ReferenceBill.Compute(month), report);
        Assert.Equal(12.5m, report.Line(LineKind.Spot).EstimatedQuantity);
        Assert.Equal(12.5m, report.Lines.Where(l => l.Kind == LineKind.EnergyCharge).Sum(l => l.EstimatedQuantity));
        Assert.True(report.Hours.Single(h => h.LocalStart == FlaggedHour).Estimated);
        Assert.Contains(report.Notes, n => n.Contains("12.5 kWh", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_EstimatedHour_IsLeftOutOfTheCapacityStepAndListed()
    {
        var month = September();

        var report = Scenario.Run(Scenario.Settings(), CostPeriod.Month(2026, 9), month);

        var capacity = Assert.Single(report.Capacity);
        Assert.Equal([Oslo.Utc(2026, 9, 8, 18)], capacity.ExcludedEstimatedHours);
        Assert.DoesNotContain(capacity.Peaks, p => p.LocalStart == FlaggedHour);
        var trusted = month.Where(h => !h.Estimated).ToList();
        Assert.Equal(ReferenceBill.CapacityAverage(trusted), capacity.AverageKwh);
        Assert.Equal(Scenario.Round(Elvia.StepPrice(Elvia.Steps2026July, capacity.AverageKwh) * 1.25m), capacity.Amount);
    }

    [Fact]
    public void Compute_EstimatedHourWithIncludeEstimated_SetsTheStep()
    {
        var month = September();
        var settings = Scenario.Settings() with { CapacityHours = CapacityHours.IncludeEstimated };

        var report = Scenario.Run(settings, CostPeriod.Month(2026, 9), month);

        var capacity = Assert.Single(report.Capacity);
        Assert.Equal(12.5m, capacity.Peaks[0].Kwh);
        Assert.Empty(capacity.ExcludedEstimatedHours);
        Assert.Equal(ReferenceBill.CapacityAverage(month), capacity.AverageKwh);
    }

    [Fact]
    public void Compute_HourAbsentFromTheStore_IsListedAndNothingIsInvented()
    {
        var month = Scenario.Month(2026, 9, Load.House(7), Load.Spot(8));
        var absent = month.Single(h => h.Local == new DateTime(2026, 9, 15, 3, 0, 0));
        month.Remove(absent);

        var report = Scenario.Run(Scenario.Settings(), CostPeriod.Month(2026, 9), month);

        Assert.Equal([absent.Utc], report.MissingHours);
        Assert.Equal(719, report.Hours.Count);
        ReportAssert.Matches(ReferenceBill.Compute(month), report);
    }

    [Fact]
    public void Compute_PeriodRunningPastNow_HoursFromTheOneInProgressAreNotMissing()
    {
        var month = Scenario.Month(2026, 9, Load.House(7), Load.Spot(8));
        var now = Oslo.Utc(2026, 9, 15, 3).AddMinutes(20);
        var sofar = month.Where(h => h.Utc < Oslo.Utc(2026, 9, 15, 3)).ToList();
        sofar.RemoveAll(h => h.Local == new DateTime(2026, 9, 10, 12, 0, 0));

        var report = new NorwayCostEngine(Scenario.Settings()).Compute(Scenario.Request(CostPeriod.Month(2026, 9), sofar) with { ExpectedUntil = now });

        Assert.Equal([Oslo.Utc(2026, 9, 10, 12)], report.MissingHours);
    }
}
