using Han.Pricing;

namespace Han.Pricing.Tests;

/// <summary>15-minute prices with hourly energy, quarter energy in either settlement, and what has no price.</summary>
public class QuarterHourTests
{
    private static readonly CostPeriod Day = new(new DateOnly(2026, 7, 2), new DateOnly(2026, 7, 3));

    private static readonly List<(DateTimeOffset Utc, DateTime Local)> Hours = Oslo.Hours(Day.From, Day.To);

    private static decimal QuarterPrice(int hour, int quarter) => 0.20m + (hour * 0.031m) + (quarter * 0.0175m);

    private static decimal QuarterKwh(int hour, int quarter) => 0.1m + (quarter == 3 ? hour * 0.05m : 0.02m);

    private static List<SpotPrice> QuarterPrices() =>
        [.. Hours.SelectMany(h => Enumerable.Range(0, 4).Select(q => new SpotPrice(h.Utc.AddMinutes(15 * q), TimeSpan.FromMinutes(15), QuarterPrice(h.Local.Hour, q))))];

    private static List<EnergyInterval> QuarterEnergy() =>
        [.. Hours.SelectMany(h => Enumerable.Range(0, 4).Select(q => EnergyInterval.ForQuarter(h.Utc.AddMinutes(15 * q), QuarterKwh(h.Local.Hour, q))))];

    private static NorwaySettings Settings(SettlementResolution settlement) =>
        Scenario.Settings(SupportScheme.Stromstotte) with { Settlement = settlement, StromstotteThresholdOrePerKwh = 75m };

    [Fact]
    public void Compute_HourlyEnergyWithQuarterPrices_UsesTheMeanOfTheFourQuarters()
    {
        var energy = Hours.Select(h => EnergyInterval.ForHour(h.Utc, 2m)).ToList();

        var report = new NorwayCostEngine(Settings(SettlementResolution.Hour)).Compute(new CostRequest(Day, energy, QuarterPrices()));

        var expected = Hours.Sum(h => 2m * (Enumerable.Range(0, 4).Sum(q => QuarterPrice(h.Local.Hour, q)) / 4m) * 1.25m);
        Assert.Equal(expected, report.Line(LineKind.Spot).ExactAmount);
        Assert.Equal(QuarterPrice(10, 0) + (1.5m * 0.0175m), report.Hours.Single(h => h.LocalStart.Hour == 10).SpotNokPerKwh);
    }

    [Fact]
    public void Compute_QuarterEnergyWithQuarterSettlement_PricesEachQuarterAtItsOwnPrice()
    {
        var report = new NorwayCostEngine(Settings(SettlementResolution.QuarterHour)).Compute(new CostRequest(Day, QuarterEnergy(), QuarterPrices()));

        var expected = Hours.Sum(h => Enumerable.Range(0, 4).Sum(q => QuarterKwh(h.Local.Hour, q) * QuarterPrice(h.Local.Hour, q))) * 1.25m;
        Assert.Equal(expected, report.Line(LineKind.Spot).ExactAmount);
        Assert.Equal(24, report.Hours.Count);
        Assert.Equal(expected, report.Hours.Sum(h => h.Supplier) - (report.Line(LineKind.Markup).ExactAmount));
    }

    [Fact]
    public void Compute_QuarterEnergyWithHourSettlement_PricesTheHoursEnergyAtTheHoursMean()
    {
        var report = new NorwayCostEngine(Settings(SettlementResolution.Hour)).Compute(new CostRequest(Day, QuarterEnergy(), QuarterPrices()));

        var expected = Hours.Sum(h =>
            Enumerable.Range(0, 4).Sum(q => QuarterKwh(h.Local.Hour, q)) * (Enumerable.Range(0, 4).Sum(q => QuarterPrice(h.Local.Hour, q)) / 4m)) * 1.25m;
        Assert.Equal(expected, report.Line(LineKind.Spot).ExactAmount);
    }

    [Fact]
    public void Compute_QuarterSettlement_StillGivesStromstotteOnTheHoursMeanPrice()
    {
        var report = new NorwayCostEngine(Settings(SettlementResolution.QuarterHour)).Compute(new CostRequest(Day, QuarterEnergy(), QuarterPrices()));

        var expected = Hours.Sum(h =>
        {
            var kwh = Enumerable.Range(0, 4).Sum(q => QuarterKwh(h.Local.Hour, q));
            var mean = Enumerable.Range(0, 4).Sum(q => QuarterPrice(h.Local.Hour, q)) / 4m;
            return mean > 0.75m ? -0.9m * (mean - 0.75m) * kwh * 1.25m : 0m;
        });
        Assert.Equal(expected, report.Line(LineKind.Stromstotte).ExactAmount);
    }

    [Fact]
    public void Compute_HourWithoutPrice_IsListedAndNotCosted()
    {
        var energy = Hours.Select(h => EnergyInterval.ForHour(h.Utc, 1m)).ToList();
        var prices = QuarterPrices().Where(p => p.Start != Hours[20].Utc.AddMinutes(30)).ToList();

        var report = new NorwayCostEngine(Settings(SettlementResolution.Hour)).Compute(new CostRequest(Day, energy, prices));

        Assert.Equal([Hours[20].Utc], report.UnpricedIntervals);
        Assert.Equal(23m, report.Line(LineKind.Spot).Quantity);
        Assert.Contains(report.Notes, n => n.Contains("no spot price", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_OverlappingEnergy_SaysWhere()
    {
        var energy = new List<EnergyInterval> { EnergyInterval.ForHour(Hours[3].Utc, 1m), EnergyInterval.ForQuarter(Hours[3].Utc.AddMinutes(30), 1m) };

        var error = Assert.Throws<ArgumentException>(() => new NorwayCostEngine(Settings(SettlementResolution.Hour)).Compute(new CostRequest(Day, energy, QuarterPrices())));

        Assert.Contains("overlap", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_TenMinuteInterval_IsRefusedWithWhatIsValid()
    {
        var energy = new List<EnergyInterval> { new(Hours[3].Utc, TimeSpan.FromMinutes(10), 1m) };

        var error = Assert.Throws<ArgumentException>(() => new NorwayCostEngine(Settings(SettlementResolution.Hour)).Compute(new CostRequest(Day, energy, QuarterPrices())));

        Assert.Contains("quarter hours (00:15:00)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_DuplicatePriceSeries_IsRefused()
    {
        var energy = Hours.Select(h => EnergyInterval.ForHour(h.Utc, 1m)).ToList();
        var prices = QuarterPrices().Concat(Hours.Select(h => new SpotPrice(h.Utc, TimeSpan.FromHours(1), 0.5m))).ToList();

        var error = Assert.Throws<ArgumentException>(() => new NorwayCostEngine(Settings(SettlementResolution.Hour)).Compute(new CostRequest(Day, energy, prices)));

        Assert.Contains("overlap", error.Message, StringComparison.Ordinal);
    }
}
