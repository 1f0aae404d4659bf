using Han.Pricing;

namespace Han.Pricing.Tests;

/// <summary>specs/pricing.md §9, reproduced line by line (Elvia, NO1, rules of July 2026).</summary>
public class WorkedExampleTests
{
    // Wednesday 1 July 2026, a working day, 08:00-09:00 local.
    private static readonly TestHour Hour = new(Oslo.Utc(2026, 7, 1, 8), new DateTime(2026, 7, 1, 8, 0, 0), 3.0m, 0.90m);
    private static readonly CostPeriod Day = new(new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 2));

    [Fact]
    public void Compute_WorkedExampleSupplier_Is3Point5625()
    {
        var report = Scenario.Run(Scenario.Settings(), Day, [Hour]);

        // 3.0 × (0.90 + 0.05) × 1.25 = 3.5625: spot 3.375 and markup 0.1875.
        Assert.Equal(3.375m, report.Line(LineKind.Spot).ExactAmount);
        Assert.Equal(0.1875m, report.Line(LineKind.Markup).ExactAmount);
        Assert.Equal(3.5625m, report.Hours.Single().Supplier);
        Assert.Equal(3.38m, report.Line(LineKind.Spot).Amount);
        Assert.Equal(0.19m, report.Line(LineKind.Markup).Amount);
        Assert.Equal(0.0625m, report.Line(LineKind.Markup).UnitPrice);
    }

    [Fact]
    public void Compute_WorkedExampleGridEnergy_Is1Point392()
    {
        var report = Scenario.Run(Scenario.Settings(), Day, [Hour]);

        // 3.0 × (0.2899 + 0.0713 + 0.0100) × 1.25 = 1.392.
        var energiledd = report.Line(LineKind.EnergyCharge);
        Assert.Equal("Energiledd Virkedag", energiledd.Item);
        Assert.Equal(3.0m * 0.2899m * 1.25m, energiledd.ExactAmount);
        Assert.Equal(3.0m * 0.0713m * 1.25m, report.Line(LineKind.Elavgift).ExactAmount);
        Assert.Equal(3.0m * 0.0100m * 1.25m, report.Line(LineKind.Enova).ExactAmount);
        Assert.Equal(1.392m, report.Hours.Single().Grid);
        Assert.Equal(1.09m, energiledd.Amount);
        Assert.Equal(0.87m, energiledd.AmountExVat);
        Assert.Equal(0.22m, energiledd.Vat);
    }

    [Fact]
    public void Compute_WorkedExampleStromstotteAt75Ore_IsMinus0Point506()
    {
        var settings = Scenario.Settings(SupportScheme.Stromstotte) with { StromstotteThresholdOrePerKwh = 75m };

        var report = Scenario.Run(settings, Day, [Hour]);

        // 0.9 × (0.90 − 0.75) × 3.0 × 1.25 = −0.50625 (pricing.md rounds it to −0.506).
        var support = report.Line(LineKind.Stromstotte);
        Assert.Equal(-0.50625m, support.ExactAmount);
        Assert.Equal(-0.51m, support.Amount);
        Assert.Equal(Party.Support, support.Party);
        Assert.Contains(report.Used, u => u.Name == "stromstotte_threshold" && u.Value.StartsWith("75", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_WorkedExampleNorgespris_IsMinus1Point875AndNetsFortyOrePlusMarkup()
    {
        var report = Scenario.Run(Scenario.Settings(SupportScheme.Norgespris), Day, [Hour]);

        // (0.90 − 0.40) × 3.0 × 1.25 = −1.875 → net energy price 0.40 + 0.05 ex VAT.
        Assert.Equal(-1.875m, report.Line(LineKind.Norgespris).ExactAmount);
        var hour = report.Hours.Single();
        Assert.Equal((0.40m + 0.05m) * 3.0m * 1.25m, hour.Supplier + hour.Support);
    }

    [Fact]
    public void Compute_WorkedExampleCapacity_Is336ExAnd420InclVat()
    {
        // Daily maxima 6.2, 5.8 and 4.9 kWh/h on three days of July 2026; every other hour 1 kWh.
        var peaks = new Dictionary<DateTime, decimal>
        {
            [new DateTime(2026, 7, 3, 18, 0, 0)] = 6.2m,
            [new DateTime(2026, 7, 9, 7, 0, 0)] = 5.8m,
            [new DateTime(2026, 7, 20, 21, 0, 0)] = 4.9m,
        };
        var month = Scenario.Month(2026, 7, local => peaks.GetValueOrDefault(local, 1m), _ => 0.5m);

        var report = Scenario.Run(Scenario.Settings(), CostPeriod.Month(2026, 7), month);

        var capacity = Assert.Single(report.Capacity);
        Assert.Equal([6.2m, 5.8m, 4.9m], capacity.Peaks.Select(p => p.Kwh));
        Assert.Equal(peaks.Keys.Order(), capacity.Peaks.Select(p => p.LocalStart).Order());
        Assert.Equal(16.9m / 3m, capacity.AverageKwh);
        var segment = Assert.Single(capacity.Segments);
        Assert.Equal(5m, segment.StepFromKwhPerHour);
        Assert.Equal(10m, segment.StepToKwhPerHour);
        Assert.Equal(336m, segment.Line.AmountExVat);
        Assert.Equal(420m, capacity.Amount);
        Assert.Equal("Kapasitetsledd 5–10 kWh/h 2026-07", segment.Line.Item);
    }
}
