using Han.Pricing;

namespace Han.Pricing.Tests;

/// <summary>
/// The bill of an hourly month written out from specs/pricing.md's rules, the test's own way (own
/// holiday list, own rate table, plain loops), for the engine's lines to be checked against. Exact
/// amounts in NOK including VAT where it applies.
/// </summary>
internal sealed class ReferenceBill
{
    public decimal Spot { get; private set; }
    public decimal Markup { get; private set; }
    public decimal EnergyDay { get; private set; }
    public decimal EnergyNight { get; private set; }
    public decimal Elavgift { get; private set; }
    public decimal Enova { get; private set; }
    public decimal Support { get; private set; }
    public decimal SupportKwh { get; private set; }
    public decimal Kwh { get; private set; }

    /// <summary>pricing.md §4.1, ex VAT, NOK/kWh.</summary>
    public static decimal ElavgiftOn(DateOnly day) => day switch
    {
        _ when day < new DateOnly(2025, 4, 1) => 0.0979m,
        _ when day < new DateOnly(2025, 10, 1) => 0.1693m,
        _ when day < new DateOnly(2026, 1, 1) => 0.1253m,
        _ => 0.0713m,
    };

    /// <summary>Elvia's energiledd (night, day) ex fees, NOK/kWh, on a date (pricing.md §5.2).</summary>
    public static (decimal Night, decimal Day) ElviaEnergyOn(DateOnly day) =>
        day < new DateOnly(2026, 7, 1) ? (0.1299m, 0.2099m) : (0.1699m, 0.2899m);

    public static ReferenceBill Compute(
        IEnumerable<TestHour> hours,
        TaxRegion region = TaxRegion.Standard,
        decimal markupNok = 0.05m,
        SupportScheme support = SupportScheme.None,
        decimal supportPriceNok = 0m,
        decimal capKwh = 5000m,
        Func<DateOnly, (decimal Night, decimal Day)>? energy = null)
    {
        energy ??= ElviaEnergyOn;
        var vat = region == TaxRegion.Standard ? 1.25m : 1m;
        var bill = new ReferenceBill();
        var used = new Dictionary<(int, int), decimal>();
        foreach (var h in hours.OrderBy(h => h.Utc))
        {
            var day = DateOnly.FromDateTime(h.Local);
            var (night, dayPrice) = energy(day);
            bill.Kwh += h.Kwh;
            bill.Spot += h.Kwh * h.Spot * vat;
            bill.Markup += h.Kwh * markupNok * vat;
            if (Oslo.IsDayRate(h.Local))
            {
                bill.EnergyDay += h.Kwh * dayPrice * vat;
            }
            else
            {
                bill.EnergyNight += h.Kwh * night * vat;
            }

            bill.Elavgift += region == TaxRegion.Tiltakssone ? 0m : h.Kwh * ElavgiftOn(day) * vat;
            bill.Enova += h.Kwh * 0.01m * vat;

            var month = (day.Year, day.Month);
            var before = used.GetValueOrDefault(month);
            var eligible = Math.Max(0m, Math.Min(h.Kwh, capKwh - before));
            used[month] = before + h.Kwh;
            if (support == SupportScheme.Stromstotte && h.Spot > supportPriceNok)
            {
                bill.Support -= 0.9m * (h.Spot - supportPriceNok) * eligible * vat;
                bill.SupportKwh += eligible;
            }
            else if (support == SupportScheme.Norgespris)
            {
                bill.Support += (supportPriceNok - h.Spot) * eligible * vat;
                bill.SupportKwh += eligible;
            }
        }

        return bill;
    }

    /// <summary>The mean of the three highest daily maxima on different days (pricing.md §5.1).</summary>
    public static decimal CapacityAverage(IEnumerable<TestHour> hours) =>
        hours.GroupBy(h => DateOnly.FromDateTime(h.Local))
            .Select(d => d.Max(h => h.Kwh))
            .OrderDescending()
            .Take(3)
            .Average();
}
