using Han.Pricing;

namespace Han.Pricing.Tests;

public class SimpleMarketTests
{
    [Fact]
    public void Compute_SpotMarkupAndFees_AddsVatToEachLine()
    {
        var period = new CostPeriod(new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 15));
        var hours = Oslo.Hours(period.From, period.To);
        var energy = hours.Select((h, i) => EnergyInterval.ForHour(h.Utc, 1m + (i % 5))).ToList();
        var prices = hours.Select((h, i) => new SpotPrice(h.Utc, TimeSpan.FromHours(1), 0.1m * (i % 7))).ToList();
        var settings = new SimpleMarketSettings
        {
            MarkupPerKwh = 0.02m,
            PerKwhFees = [new Fee(Party.Grid, "Grid energy", 0.05m)],
            MonthlyFees = [new Fee(Party.Supplier, "Subscription", 28m), new Fee(Party.Grid, "Connection", 140m)],
            VatRate = 0.21m,
            TimeZone = Oslo.Zone,
        };

        var report = new SimpleMarketCostEngine(settings).Compute(new CostRequest(period, energy, prices));

        var kwh = energy.Sum(e => e.ImportKwh);
        Assert.Equal(energy.Zip(prices).Sum(p => p.First.ImportKwh * p.Second.NokPerKwh) * 1.21m, report.Line(LineKind.Spot).ExactAmount);
        Assert.Equal(kwh * 0.02m * 1.21m, report.Line(LineKind.Markup).ExactAmount);
        Assert.Equal(kwh * 0.05m * 1.21m, report.Lines.Single(l => l.Item == "Grid energy").ExactAmount);
        Assert.Equal(28m * 14m / 28m * 1.21m, report.Lines.Single(l => l.Item == "Subscription 2026-02").ExactAmount);
        Assert.Equal(Scenario.Round(140m * 0.5m * 1.21m), report.Lines.Single(l => l.Item == "Connection 2026-02").Amount);
        Assert.Empty(report.Capacity);
        Assert.Equal(0m, report.SupportTotal);
    }
}
