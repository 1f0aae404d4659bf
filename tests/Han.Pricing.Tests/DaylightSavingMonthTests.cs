using Han.Pricing;

namespace Han.Pricing.Tests;

/// <summary>Months with a 25-hour day (25 Oct 2026) and a 23-hour day (29 Mar 2026) in Oslo.</summary>
public class DaylightSavingMonthTests
{
    [Fact]
    public void Compute_OctoberWithTwentyFiveHourDay_CostsAll745HoursByTheRules()
    {
        var month = Scenario.Month(2026, 10, Load.House(1), Load.Spot(2));

        var report = Scenario.Run(Scenario.Settings(), CostPeriod.Month(2026, 10), month);

        Assert.Equal(745, month.Count);
        Assert.Equal(745, report.Hours.Count);
        Assert.Equal(25, report.Hours.Count(h => h.LocalStart.Date == new DateTime(2026, 10, 25)));
        Assert.Empty(report.MissingHours);
        ReportAssert.Matches(ReferenceBill.Compute(month), report);
    }

    [Fact]
    public void Compute_MarchWithTwentyThreeHourDay_CostsAll743HoursByTheRules()
    {
        var month = Scenario.Month(2026, 3, Load.House(3), Load.Spot(4));

        var report = Scenario.Run(Scenario.Settings(), CostPeriod.Month(2026, 3), month);

        Assert.Equal(743, report.Hours.Count);
        Assert.DoesNotContain(report.Hours, h => h.LocalStart == new DateTime(2026, 3, 29, 2, 0, 0));
        Assert.Empty(report.MissingHours);
        ReportAssert.Matches(ReferenceBill.Compute(month), report);
    }

    [Fact]
    public void Compute_TwoHighHoursInTheRepeatedHourOfOneDay_CountOnceForCapacity()
    {
        // Both 02:00 hours of 25 Oct 2026 at 9 kWh: one calendar day, so one peak (pricing.md §8).
        var month = Scenario.Month(2026, 10, local => local == new DateTime(2026, 10, 25, 2, 0, 0) ? 9m : local.Day == 12 && local.Hour == 18 ? 4m : 1m, _ => 0.5m);

        var report = Scenario.Run(Scenario.Settings(), CostPeriod.Month(2026, 10), month);

        var capacity = Assert.Single(report.Capacity);
        Assert.Equal([9m, 4m, 1m], capacity.Peaks.Select(p => p.Kwh));
        Assert.Equal(14m / 3m, capacity.AverageKwh);
        Assert.Equal(3, capacity.Peaks.Select(p => p.Day).Distinct().Count());
        Assert.Equal(Scenario.Round(200m * 1.25m), capacity.Amount);
    }
}
