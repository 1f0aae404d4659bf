using Han.Pricing;

namespace Han.Tariffs.Tests;

/// <summary>Costs test hours with a tariff through the Norwegian engine: no support scheme, no supplier fees, a flat spot price.</summary>
internal static class Costing
{
    public static CostReport Month(GridTariff tariff, int year, int month, IReadOnlyList<TestHour> hours, Residence residence = Residence.Home)
    {
        var settings = new NorwaySettings(tariff, SupplierContract.None)
        {
            Support = SupportScheme.None,
            Residence = residence,
            TimeZone = Oslo.Zone,
        };
        var request = new CostRequest(
            CostPeriod.Month(year, month),
            [.. hours.Select(h => EnergyInterval.ForHour(h.Utc, h.Kwh))],
            [.. hours.Select(h => new SpotPrice(h.Utc, TimeSpan.FromHours(1), 0.5m))]);
        return new NorwayCostEngine(settings).Compute(request);
    }

    /// <summary>The energiledd quantity billed under a price name (0 when no line has it).</summary>
    public static decimal EnergyKwh(this CostReport report, string name) =>
        report.Lines.Where(l => l.Kind == LineKind.EnergyCharge && l.Item == $"Energiledd {name}").Sum(l => l.Quantity);
}
