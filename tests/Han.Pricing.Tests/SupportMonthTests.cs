using Han.Pricing;

namespace Han.Pricing.Tests;

/// <summary>Norgespris with cheap hours (a charge), and both schemes past their monthly caps.</summary>
public class SupportMonthTests
{
    [Fact]
    public void Compute_NorgesprisMonthWithSpotBelowFortyOre_ChargesTheCheapHours()
    {
        // Spot 0.05-1.55: some hours below 0.40, where Norgespris is a charge (pricing.md §7).
        var month = Scenario.Month(2026, 8, Load.House(9), Load.Spot(10));
        Assert.Contains(month, h => h.Spot < 0.40m);

        var report = Scenario.Run(Scenario.Settings(SupportScheme.Norgespris), CostPeriod.Month(2026, 8), month);

        ReportAssert.Matches(ReferenceBill.Compute(month, support: SupportScheme.Norgespris, supportPriceNok: 0.40m), report, LineKind.Norgespris);
        foreach (var hour in report.Hours)
        {
            Assert.Equal((0.40m - hour.SpotNokPerKwh) * hour.ImportKwh * 1.25m, hour.Support);
        }

        Assert.Contains(report.Hours, h => h.Support > 0m);
        Assert.Contains(report.Hours, h => h.Support < 0m);
    }

    [Fact]
    public void Compute_NorgesprisPastFiveThousandKwh_StopsAtTheCapInTheHourThatCrossesIt()
    {
        // 7 kWh every hour of January 2026: 5208 kWh; the cap is reached 2 kWh into hour 715.
        var month = Scenario.Month(2026, 1, _ => 7m, Load.Spot(11));

        var report = Scenario.Run(Scenario.Settings(SupportScheme.Norgespris), CostPeriod.Month(2026, 1), month);

        ReportAssert.Matches(ReferenceBill.Compute(month, support: SupportScheme.Norgespris, supportPriceNok: 0.40m), report, LineKind.Norgespris);
        Assert.Equal(5000m, report.Line(LineKind.Norgespris).Quantity);
        var crossing = report.Hours[714];
        Assert.Equal((0.40m - crossing.SpotNokPerKwh) * 2m * 1.25m, crossing.Support);
        Assert.All(report.Hours.Skip(715), h => Assert.Equal(0m, h.Support));
    }

    [Fact]
    public void Compute_NorgesprisHolidayHome_CapsAtOneThousandKwh()
    {
        var month = Scenario.Month(2026, 1, _ => 2m, Load.Spot(12));
        var settings = Scenario.Settings(SupportScheme.Norgespris) with { Residence = Residence.HolidayHome };

        var report = Scenario.Run(settings, CostPeriod.Month(2026, 1), month);

        Assert.Equal(1000m, report.Line(LineKind.Norgespris).Quantity);
        Assert.Equal(ReferenceBill.Compute(month, support: SupportScheme.Norgespris, supportPriceNok: 0.40m, capKwh: 1000m).Support, report.Exact(LineKind.Norgespris));
    }

    [Fact]
    public void Compute_StromstottePastFiveThousandKwh_SupportsOnlyTheFirstFiveThousand()
    {
        // Spot above the threshold every hour, so the cap alone limits the support.
        var month = Scenario.Month(2026, 1, _ => 7m, local => 1.20m + (local.Hour / 100m));

        var report = Scenario.Run(Scenario.Settings(SupportScheme.Stromstotte), CostPeriod.Month(2026, 1), month);

        ReportAssert.Matches(ReferenceBill.Compute(month, support: SupportScheme.Stromstotte, supportPriceNok: 0.75m), report, LineKind.Stromstotte);
        Assert.Equal(5000m, report.Line(LineKind.Stromstotte).Quantity);
        Assert.All(report.Hours.Skip(715), h => Assert.Equal(0m, h.Support));
    }

    [Fact]
    public void Compute_Stromstotte2026_ReportsTheAssumedThreshold()
    {
        var month = Scenario.Month(2026, 2, Load.House(13), Load.Spot(14));

        var report = Scenario.Run(Scenario.Settings(SupportScheme.Stromstotte), CostPeriod.Month(2026, 2), month);

        var threshold = Assert.Single(report.Used, u => u.Name.StartsWith(NorwayRates.StromstotteThreshold, StringComparison.Ordinal));
        Assert.True(threshold.Assumed);
        Assert.Equal("75 øre/kWh ex VAT", threshold.Value);
        ReportAssert.Matches(ReferenceBill.Compute(month, support: SupportScheme.Stromstotte, supportPriceNok: 0.75m), report, LineKind.Stromstotte);
    }

    [Theory]
    [InlineData(SupportScheme.Stromstotte, NorwayRates.StromstotteThreshold, "75 øre/kWh ex VAT")]
    [InlineData(SupportScheme.Norgespris, NorwayRates.Norgespris, "40 øre/kWh ex VAT")]
    public void Compute_January2027_CostsWithTheAssumedRateAndSaysSo(SupportScheme support, string rate, string value)
    {
        // The year's new levels are not known when han is released: a January must still be costed, not refused.
        var month = Scenario.Month(2027, 1, Load.House(17), Load.Spot(18));

        var report = Scenario.Run(Scenario.Settings(support), CostPeriod.Month(2027, 1), month);

        var used = Assert.Single(report.Used, u => u.Name.StartsWith(rate, StringComparison.Ordinal) && u.Value == value);
        Assert.True(used.Assumed);
        Assert.NotEqual(0m, report.SupportTotal);
    }

    [Fact]
    public void Compute_StromstotteWithThresholdSetting_UsesTheSetting()
    {
        var month = Scenario.Month(2026, 2, Load.House(15), Load.Spot(16));
        var settings = Scenario.Settings(SupportScheme.Stromstotte) with { StromstotteThresholdOrePerKwh = 77m };

        var report = Scenario.Run(settings, CostPeriod.Month(2026, 2), month);

        Assert.Equal(ReferenceBill.Compute(month, support: SupportScheme.Stromstotte, supportPriceNok: 0.77m).Support, report.Exact(LineKind.Stromstotte));
        Assert.Contains(report.Used, u => u is { Name: "stromstotte_threshold", Source: "setting", Value: "77 øre/kWh ex VAT" });
    }

    [Fact]
    public void Compute_StromstotteForHolidayHome_GivesNoSupportAndSaysWhy()
    {
        var month = Scenario.Month(2026, 2, Load.House(17), _ => 1.5m);
        var settings = Scenario.Settings(SupportScheme.Stromstotte) with { Residence = Residence.HolidayHome };

        var report = Scenario.Run(settings, CostPeriod.Month(2026, 2), month);

        Assert.DoesNotContain(report.Lines, l => l.Party == Party.Support);
        Assert.Contains(report.Notes, n => n.Contains("holiday homes", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_Export_IsSoldAtSpotWithoutVatAndGetsNoSupport()
    {
        var month = Scenario.Month(2026, 6, Load.House(18), Load.Spot(19))
            .Select(h => h.Local.Hour is >= 11 and <= 15 ? h with { ExportKwh = 2.5m } : h).ToList();

        var report = Scenario.Run(Scenario.Settings(SupportScheme.Norgespris), CostPeriod.Month(2026, 6), month);

        var sale = report.Line(LineKind.ExportSale);
        Assert.Equal(-month.Sum(h => h.ExportKwh * h.Spot), sale.ExactAmount);
        Assert.Equal(0m, sale.Vat);
        ReportAssert.Matches(ReferenceBill.Compute(month, support: SupportScheme.Norgespris, supportPriceNok: 0.40m), report, LineKind.Norgespris);
    }
}
