using Han.Pricing;

namespace Han.Pricing.Tests;

/// <summary>One hour of a test month: its start, local time, import, spot price and whether the store estimated it.</summary>
internal sealed record TestHour(DateTimeOffset Utc, DateTime Local, decimal Kwh, decimal Spot, bool Estimated = false, decimal ExportKwh = 0m);

/// <summary>Builds requests from test hours and runs the Norwegian engine with Elvia's tariff.</summary>
internal static class Scenario
{
    public static List<TestHour> Month(int year, int month, Func<DateTime, decimal> kwh, Func<DateTime, decimal> spot)
    {
        var first = new DateOnly(year, month, 1);
        return [.. Oslo.Hours(first, first.AddMonths(1)).Select(h => new TestHour(h.Utc, h.Local, kwh(h.Local), spot(h.Local)))];
    }

    public static CostRequest Request(CostPeriod period, IEnumerable<TestHour> hours) => new(
        period,
        [.. hours.Select(h => EnergyInterval.ForHour(h.Utc, h.Kwh, h.ExportKwh, h.Estimated))],
        [.. hours.Select(h => new SpotPrice(h.Utc, TimeSpan.FromHours(1), h.Spot))]);

    public static NorwaySettings Settings(SupportScheme support = SupportScheme.None, decimal markupOre = 5m, decimal feeNok = 0m) =>
        new(Elvia.Tariff(), new SupplierContract(markupOre, feeNok)) { Support = support, TimeZone = Oslo.Zone };

    public static CostReport Run(NorwaySettings settings, CostPeriod period, IEnumerable<TestHour> hours) =>
        new NorwayCostEngine(settings).Compute(Request(period, hours));

    public static InvoiceLine Line(this CostReport report, LineKind kind) => Assert.Single(report.Lines, l => l.Kind == kind);

    public static decimal Exact(this CostReport report, LineKind kind) => report.Lines.Where(l => l.Kind == kind).Sum(l => l.ExactAmount);

    public static decimal Round(decimal nok) => Math.Round(nok, 2, MidpointRounding.AwayFromZero);
}
