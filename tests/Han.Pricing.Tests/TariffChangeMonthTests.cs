using Han.Pricing;

namespace Han.Pricing.Tests;

/// <summary>A grid tariff that changes in the middle of a month, and a period across an elavgift change.</summary>
public class TariffChangeMonthTests
{
    private static readonly DateOnly Change = new(2026, 6, 15);

    // Elvia with its July 2026 prices brought forward to 15 June 2026 (a change within June).
    private static GridTariff MidJune() => new("Elvia AS (changed 15 June)",
    [
        Elvia.Period(new DateOnly(2025, 4, 1), Change, 12.99m, 20.99m, Elvia.Steps2025),
        Elvia.Period(Change, null, 16.99m, 28.99m, Elvia.Steps2026July),
    ]);

    private static (decimal, decimal) MidJuneEnergy(DateOnly day) => day < Change ? (0.1299m, 0.2099m) : (0.1699m, 0.2899m);

    [Fact]
    public void Compute_TariffChangeMidMonth_PricesEachHourByTheTariffOfItsDay()
    {
        var month = Scenario.Month(2026, 6, Load.House(26), Load.Spot(27));
        var settings = Scenario.Settings() with { Tariff = MidJune() };

        var report = Scenario.Run(settings, CostPeriod.Month(2026, 6), month);

        ReportAssert.Matches(ReferenceBill.Compute(month, energy: MidJuneEnergy), report);
        Assert.Equal(4, report.Lines.Count(l => l.Kind == LineKind.EnergyCharge));
        Assert.Contains(report.Lines, l => l.Item == "Energiledd Virkedag" && l.UnitPrice == 0.2099m * 1.25m);
        Assert.Contains(report.Lines, l => l.Item == "Energiledd Virkedag" && l.UnitPrice == 0.2899m * 1.25m);
    }

    [Fact]
    public void Compute_TariffChangeMidMonth_SharesTheCapacityFeeByDays()
    {
        var month = Scenario.Month(2026, 6, Load.House(28), Load.Spot(29));
        var settings = Scenario.Settings() with { Tariff = MidJune() };

        var report = Scenario.Run(settings, CostPeriod.Month(2026, 6), month);

        // One step basis for the month; 14 of 30 days at the old price, 16 at the new (docs/decisions.md).
        var average = ReferenceBill.CapacityAverage(month);
        var capacity = Assert.Single(report.Capacity);
        Assert.Equal(average, capacity.AverageKwh);
        Assert.Equal([14, 16], capacity.Segments.Select(s => s.Days));
        var before = Elvia.StepPrice(Elvia.Steps2025, average) * 14m / 30m * 1.25m;
        var after = Elvia.StepPrice(Elvia.Steps2026July, average) * 16m / 30m * 1.25m;
        Assert.Equal([before, after], capacity.Segments.Select(s => s.Line.ExactAmount));
        Assert.Equal(Scenario.Round(before) + Scenario.Round(after), capacity.Amount);
    }

    [Fact]
    public void Compute_PeriodAcrossTheElavgiftChangeOfOctober2025_SplitsTheElavgiftLine()
    {
        var hours = Oslo.Hours(new DateOnly(2025, 9, 16), new DateOnly(2025, 10, 16));
        var load = Load.House(30);
        var spot = Load.Spot(31);
        var period = hours.Select(h => new TestHour(h.Utc, h.Local, load(h.Local), spot(h.Local))).ToList();
        var settings = Scenario.Settings(feeNok: 40m);

        var report = Scenario.Run(settings, new CostPeriod(new DateOnly(2025, 9, 16), new DateOnly(2025, 10, 16)), period);

        ReportAssert.Matches(ReferenceBill.Compute(period), report);
        var elavgift = report.Lines.Where(l => l.Kind == LineKind.Elavgift).ToList();
        Assert.Equal([0.1693m * 1.25m, 0.1253m * 1.25m], elavgift.Select(l => l.UnitPrice));
        Assert.Equal(period.Where(h => h.Local.Month == 9).Sum(h => h.Kwh), elavgift[0].Quantity);

        // Fixed fee: 15 of 30 September days and 15 of 31 October days.
        var fees = report.Lines.Where(l => l.Kind == LineKind.SupplierFixedFee).ToList();
        Assert.Equal([40m * 15m / 30m * 1.25m, 40m * 15m / 31m * 1.25m], fees.Select(f => f.ExactAmount));
        Assert.Equal(2, report.Capacity.Count);
    }
}
