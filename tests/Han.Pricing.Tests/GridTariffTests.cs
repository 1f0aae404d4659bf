using Han.Pricing;

namespace Han.Pricing.Tests;

/// <summary>The tariff model's rules: thresholds, step methods, exception matching, validity.</summary>
public class GridTariffTests
{
    private static readonly CapacityStep[] Steps = [new(0m, 100m), new(2m, 152m), new(5m, 240m)];

    [Theory]
    [InlineData(true, 1.99, 100)]
    [InlineData(true, 2.00, 152)]
    [InlineData(false, 2.00, 100)]
    [InlineData(false, 2.01, 152)]
    [InlineData(true, 7, 240)]
    public void StepFor_Threshold_IsInclusiveOnlyWhenTheTariffSaysSo(bool included, double kwh, int price) =>
        Assert.Equal(price, new CapacityCharge(CapacityMethod.ThreeDailyMaximaOfMonth, included, Steps).StepFor((decimal)kwh).Step.NokPerMonth);

    [Fact]
    public void PerYear_FriNettleieAnnualPrice_IsATwelfthAMonth() =>
        Assert.Equal(336m, CapacityStep.PerYear(5m, 4032m).NokPerMonth);

    [Fact]
    public void Compute_MonthlyMaximumMethod_UsesTheSingleHighestHour()
    {
        var month = Scenario.Month(2026, 8, local => local.Day == 10 && local.Hour == 19 ? 6m : local.Day == 11 && local.Hour == 8 ? 5.5m : 1m, _ => 0.5m);
        var period = Elvia.Period(new DateOnly(2026, 1, 1), null, 16.99m, 28.99m, Elvia.Steps2026July) with
        {
            Capacity = new CapacityCharge(CapacityMethod.MonthlyMaximum, true, [.. Elvia.Thresholds.Select((t, i) => new CapacityStep(t, Elvia.Steps2026July[i]))]),
        };
        var settings = Scenario.Settings() with { Tariff = new GridTariff("MND_MAX company", [period]) };

        var report = Scenario.Run(settings, CostPeriod.Month(2026, 8), month);

        var capacity = Assert.Single(report.Capacity);
        Assert.Equal(6m, Assert.Single(capacity.Peaks).Kwh);
        Assert.Equal(Scenario.Round(336m * 1.25m), capacity.Amount);
    }

    [Fact]
    public void Compute_FiveWeightedWeeklyMaxima_IsRefusedWithWhatIsSupported()
    {
        var month = Scenario.Month(2026, 8, _ => 1m, _ => 0.5m);
        var period = Elvia.Period(new DateOnly(2026, 1, 1), null, 16.99m, 28.99m, Elvia.Steps2026July) with
        {
            Capacity = new CapacityCharge(CapacityMethod.FiveWeightedWeeklyMaximaOfYear, true, Steps),
        };
        var settings = Scenario.Settings() with { Tariff = new GridTariff("Fjellnett", [period]) };

        var error = Assert.Throws<ArgumentException>(() => Scenario.Run(settings, CostPeriod.Month(2026, 8), month));

        Assert.Contains("ThreeDailyMaximaOfMonth", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_SeasonalRuleAcrossMidnight_AppliesOnlyInItsMonthsAndHours()
    {
        // A winter night price 22-05 in January-March on all days, base price otherwise.
        var rule = new EnergyPriceRule("Vinternatt", 5m, [new HourRange(22, 5)], [DayKind.All], [1, 2, 3]);
        var period = new GridTariffPeriod(new DateOnly(2026, 1, 1), null, [CustomerGroup.Household],
            new EnergyCharge("grunnpris", 20m, [rule]),
            new CapacityCharge(CapacityMethod.ThreeDailyMaximaOfMonth, true, Steps));
        var hours = Oslo.Hours(new DateOnly(2026, 3, 31), new DateOnly(2026, 4, 2)).Select(h => new TestHour(h.Utc, h.Local, 1m, 0.5m)).ToList();
        var settings = Scenario.Settings() with { Tariff = new GridTariff("Seasonal", [period]) };

        var report = Scenario.Run(settings, new CostPeriod(new DateOnly(2026, 3, 31), new DateOnly(2026, 4, 2)), hours);

        // 31 March: 00-05 and 22-23 = 8 hours at the night price; 1 April: none.
        Assert.Equal(8m, report.Lines.Single(l => l.Item == "Energiledd Vinternatt").Quantity);
        Assert.Equal(40m, report.Lines.Single(l => l.Item == "Energiledd grunnpris").Quantity);
    }

    [Fact]
    public void Compute_HolidayHomeWithoutATariffForIt_NamesGroupAndDate()
    {
        var period = Elvia.Period(new DateOnly(2026, 1, 1), null, 16.99m, 28.99m, Elvia.Steps2026July) with { CustomerGroups = [CustomerGroup.Household] };
        var settings = Scenario.Settings() with { Tariff = new GridTariff("Households only", [period]), Residence = Residence.HolidayHome };
        var month = Scenario.Month(2026, 8, _ => 1m, _ => 0.5m);

        var error = Assert.Throws<ArgumentException>(() => Scenario.Run(settings, CostPeriod.Month(2026, 8), month));

        Assert.Contains("HolidayHome on 2026-08-01", error.Message, StringComparison.Ordinal);
    }
}
