using System.Globalization;

namespace Han.Pricing;

/// <summary>
/// "Spot + markup + fixed fees" for any market: each interval's import at the spot price plus the
/// markup and the per-kWh fees, monthly fees shared by days, VAT on all; no capacity step, no support.
/// </summary>
public sealed class SimpleMarketCostEngine(SimpleMarketSettings settings) : ICostEngine
{
    private readonly SimpleMarketSettings _settings = settings ?? throw new ArgumentNullException(nameof(settings));

    public CostReport Compute(CostRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var s = _settings;
        var set = IntervalBuilder.Build(request, s.TimeZone, s.Settlement);
        var book = new LineBook();
        var hourCosts = new HourCostBook(set.Hours);
        var vat = 1m + s.VatRate;
        foreach (var interval in set.Settlement)
        {
            var kwh = interval.ImportKwh;
            var estimated = interval.Estimated ? kwh : 0m;
            book.AddAmount(Party.Supplier, LineKind.Spot, "Spot", "kWh", kwh, kwh * interval.SpotNokPerKwh, s.VatRate, estimated);
            book.AddAtPrice(Party.Supplier, LineKind.Markup, "Markup", "kWh", kwh, s.MarkupPerKwh, s.VatRate, estimated);
            hourCosts.AddSupplier(interval.Start, kwh * (interval.SpotNokPerKwh + s.MarkupPerKwh) * vat);
            foreach (var fee in s.PerKwhFees)
            {
                book.AddAtPrice(fee.Party, LineKind.OtherFee, fee.Name, "kWh", kwh, fee.Amount, s.VatRate, estimated);
                var cost = kwh * fee.Amount * vat;
                if (fee.Party == Party.Grid)
                {
                    hourCosts.AddGrid(interval.Start, cost);
                }
                else
                {
                    hourCosts.AddSupplier(interval.Start, cost);
                }
            }
        }

        var lines = book.ToLines();
        foreach (var part in MonthPart.Of(request.Period))
        {
            foreach (var fee in s.MonthlyFees)
            {
                lines.Add(LineBook.Single(fee.Party, LineKind.OtherFee, $"{fee.Name} {part.Year:0000}-{part.Month:00}", "month",
                    Math.Round(part.Share, 4), fee.Amount, part.ShareOf(fee.Amount), s.VatRate));
            }
        }

        var used = new UsedBook();
        used.Setting("markup", $"{s.MarkupPerKwh.ToString(CultureInfo.InvariantCulture)} per kWh ex VAT");
        used.Setting("vat", s.VatRate.ToString(CultureInfo.InvariantCulture));
        used.Setting("settlement", s.Settlement.ToString());
        used.Setting("time_zone", s.TimeZone.Id);
        return new CostReport(request.Period, [.. lines.OrderBy(l => l.Party)], [], hourCosts.ToList(), set.MissingHours, set.Unpriced, used.ToList(), []);
    }
}
