using Han.Pricing;

namespace Han.Pricing.Tests;

/// <summary>The VAT-exempt region (Nordland, Troms) and the tiltakssone (Finnmark, Nord-Troms), pricing.md §4.3.</summary>
public class TaxRegionMonthTests
{
    [Fact]
    public void Compute_VatExemptRegion_BillsElavgiftWithoutVat()
    {
        var month = Scenario.Month(2026, 11, Load.House(20), Load.Spot(21));
        var settings = Scenario.Settings(SupportScheme.Stromstotte, feeNok: 49m) with { Region = TaxRegion.VatExempt };

        var report = Scenario.Run(settings, CostPeriod.Month(2026, 11), month);

        ReportAssert.Matches(ReferenceBill.Compute(month, TaxRegion.VatExempt, support: SupportScheme.Stromstotte, supportPriceNok: 0.75m), report, LineKind.Stromstotte);
        Assert.All(report.Lines, l => Assert.Equal(0m, l.Vat));
        Assert.Equal(0m, report.VatTotal);
        Assert.Equal(49m, report.Line(LineKind.SupplierFixedFee).Amount);
        var capacity = Assert.Single(report.Capacity);
        Assert.Equal(Elvia.StepPrice(Elvia.Steps2026July, ReferenceBill.CapacityAverage(month)), capacity.Amount);
        Assert.DoesNotContain(report.Used, u => u.Name.StartsWith("vat", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_Tiltakssone_BillsNeitherElavgiftNorVatButEnova()
    {
        var month = Scenario.Month(2026, 11, Load.House(22), Load.Spot(23));
        var settings = Scenario.Settings(SupportScheme.Norgespris) with { Region = TaxRegion.Tiltakssone };

        var report = Scenario.Run(settings, CostPeriod.Month(2026, 11), month);

        ReportAssert.Matches(ReferenceBill.Compute(month, TaxRegion.Tiltakssone, support: SupportScheme.Norgespris, supportPriceNok: 0.40m), report, LineKind.Norgespris);
        Assert.DoesNotContain(report.Lines, l => l.Kind == LineKind.Elavgift);
        Assert.Equal(month.Sum(h => h.Kwh) * 0.01m, report.Line(LineKind.Enova).ExactAmount);
        Assert.Equal(0m, report.VatTotal);
    }

    [Fact]
    public void Compute_StandardRegion_AddsTwentyFivePercentToEveryLine()
    {
        var month = Scenario.Month(2026, 11, Load.House(24), Load.Spot(25));

        var report = Scenario.Run(Scenario.Settings(SupportScheme.Stromstotte, feeNok: 39.2m), CostPeriod.Month(2026, 11), month);

        Assert.All(report.Lines, l => Assert.Equal(0.25m, l.VatRate));
        Assert.Equal(49m, report.Line(LineKind.SupplierFixedFee).Amount);
        Assert.Equal(report.Lines.Sum(l => l.Amount - l.AmountExVat), report.VatTotal);
    }
}
