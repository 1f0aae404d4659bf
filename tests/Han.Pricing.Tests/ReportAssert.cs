using Han.Pricing;

namespace Han.Pricing.Tests;

/// <summary>Checks an engine report against <see cref="ReferenceBill"/>, line by line and in its totals.</summary>
internal static class ReportAssert
{
    public static void Matches(ReferenceBill expected, CostReport report, LineKind? support = null)
    {
        Assert.Equal(expected.Spot, report.Exact(LineKind.Spot));
        Assert.Equal(expected.Markup, report.Exact(LineKind.Markup));
        Assert.Equal(expected.EnergyDay, report.Lines.Where(l => l.Item == "Energiledd Virkedag").Sum(l => l.ExactAmount));
        Assert.Equal(expected.EnergyNight, report.Lines.Where(l => l.Item == "Energiledd grunnpris").Sum(l => l.ExactAmount));
        Assert.Equal(expected.Elavgift, report.Exact(LineKind.Elavgift));
        Assert.Equal(expected.Enova, report.Exact(LineKind.Enova));
        Assert.Equal(expected.Kwh, report.Lines.Where(l => l.Kind == LineKind.Spot).Sum(l => l.Quantity));
        if (support is { } kind)
        {
            Assert.Equal(expected.Support, report.Exact(kind));
            Assert.Equal(expected.SupportKwh, report.Lines.Where(l => l.Kind == kind).Sum(l => l.Quantity));
        }

        foreach (var line in report.Lines)
        {
            Assert.Equal(Scenario.Round(line.ExactAmount), line.Amount);
            Assert.Equal(line.Amount, line.AmountExVat + line.Vat);
        }

        Assert.Equal(report.Lines.Where(l => l.Party == Party.Supplier).Sum(l => Scenario.Round(l.ExactAmount)), report.SupplierTotal);
        Assert.Equal(report.SupplierTotal + report.GridTotal + report.SupportTotal, report.Total);
    }
}
