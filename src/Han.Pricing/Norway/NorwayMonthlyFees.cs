using System.Globalization;

namespace Han.Pricing;

/// <summary>
/// The monthly lines of a Norwegian period: the supplier's fixed fee and the grid company's capacity
/// fee, each shared by days where the period covers part of a month or the tariff changes within it
/// (docs/decisions.md: pro rata by days).
/// </summary>
internal static class NorwayMonthlyFees
{
    public static void SupplierFee(NorwaySettings settings, CostPeriod period, Func<DateOnly, NorwayDay> dayOf, List<InvoiceLine> lines)
    {
        var fee = settings.Supplier.FixedNokPerMonth;
        if (fee == 0m)
        {
            return;
        }

        foreach (var part in MonthPart.Of(period))
        {
            lines.Add(LineBook.Single(Party.Supplier, LineKind.SupplierFixedFee, $"Fastbeløp {part.Year:0000}-{part.Month:00}", "month",
                Math.Round(part.Share, 4), fee, part.ShareOf(fee), dayOf(part.From).Vat));
        }
    }

    public static List<CapacityMonth> Capacity(
        NorwaySettings settings, CostPeriod period, IReadOnlyList<EnergyInterval> hours, Func<DateOnly, NorwayDay> dayOf, List<InvoiceLine> lines, List<string> notes)
    {
        var months = new List<CapacityMonth>();
        foreach (var part in MonthPart.Of(period))
        {
            var from = IntervalBuilder.LocalMidnight(part.From, settings.TimeZone);
            var to = IntervalBuilder.LocalMidnight(part.To, settings.TimeZone);
            var monthHours = hours.Where(h => h.Start >= from && h.Start < to).ToList();
            var segments = new List<CapacitySegment>();
            (IReadOnlyList<CapacityPeak> Peaks, decimal Average, IReadOnlyList<DateTimeOffset> Excluded)? basis = null;
            CapacityMethod method = default;
            foreach (var (piece, tariff) in part.ByTariff(settings.Tariff, settings.CustomerGroup))
            {
                if (basis is null || method != tariff.Capacity.Method)
                {
                    method = tariff.Capacity.Method;
                    basis = CapacityBasisFinder.Find(monthHours, method, settings.CapacityHours, settings.TimeZone);
                }

                var (step, upTo) = tariff.Capacity.StepFor(basis.Value.Average);
                var item = upTo is { } top
                    ? $"Kapasitetsledd {Number(step.FromKwhPerHour)}–{Number(top)} kWh/h {part.Year:0000}-{part.Month:00}"
                    : $"Kapasitetsledd ≥ {Number(step.FromKwhPerHour)} kWh/h {part.Year:0000}-{part.Month:00}";
                var line = LineBook.Single(Party.Grid, LineKind.CapacityCharge, item, "month",
                    Math.Round(piece.Share, 4), step.NokPerMonth, piece.ShareOf(step.NokPerMonth), dayOf(piece.From).Vat);
                lines.Add(line);
                segments.Add(new CapacitySegment(piece.From, piece.To, step.FromKwhPerHour, upTo, step.NokPerMonth, piece.Days, piece.DaysInMonth, line));
            }

            var found = basis!.Value;
            if (found.Peaks.Count == 0)
            {
                notes.Add($"{part.Year:0000}-{part.Month:00}: no hour could set the capacity step (none recorded, or all estimated); the lowest step was used.");
            }
            else if (found.Excluded.Count > 0)
            {
                notes.Add($"{part.Year:0000}-{part.Month:00}: {found.Excluded.Count} estimated hour(s) were left out of the capacity step.");
            }

            months.Add(new CapacityMonth(part.Year, part.Month, method, found.Peaks, found.Average, segments, segments.Sum(s => s.Line.Amount), found.Excluded));
        }

        return months;
    }

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
