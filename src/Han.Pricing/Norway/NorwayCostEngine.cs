using System.Globalization;

namespace Han.Pricing;

/// <summary>
/// Norway's rules (specs/pricing.md §1): the supplier bills spot + markup per kWh and a fixed fee; the
/// grid company bills its energiledd by time of day and day type, elavgift and Enova per kWh and the
/// capacity step per month; VAT by tax region; strømstøtte or Norgespris is settled on the grid
/// invoice. Rates come from a <see cref="RateBook"/> (by default <see cref="NorwayRates.Default"/>),
/// each by the local date of the interval, so a period across a rate change is split.
/// </summary>
public sealed class NorwayCostEngine : ICostEngine
{
    private readonly NorwaySettings _settings;
    private readonly RateBook _rates;

    public NorwayCostEngine(NorwaySettings settings, RateBook? rates = null)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _rates = rates ?? NorwayRates.Default;
    }

    public CostReport Compute(CostRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = _settings;
        var set = IntervalBuilder.Build(request, settings.TimeZone, settings.Settlement);
        var used = new UsedBook();
        var notes = new List<string>();
        var book = new LineBook();
        var hourCosts = new HourCostBook(set.Hours);
        var dayOf = NorwayDay.Cache(settings, _rates, used);
        var markup = Money.OreToNok(settings.Supplier.MarkupOrePerKwh);
        var exportDeduction = Money.OreToNok(settings.ExportDeductionOrePerKwh);

        var planOf = NorwayDayPlan.Cache(dayOf, book, settings.Region, markup);
        LineTotal? exportSale = null;
        foreach (var interval in set.Settlement)
        {
            var plan = planOf(interval.LocalDate);
            var kwh = interval.ImportKwh;
            var estimated = interval.Estimated ? kwh : 0m;
            var hour = interval.LocalStart.Hour;

            plan.Spot.Add(kwh, kwh * interval.SpotNokPerKwh, estimated);
            plan.Markup.Add(kwh, estimated);
            plan.Energy[hour].Add(kwh, estimated);
            plan.Elavgift?.Add(kwh, estimated);
            plan.Enova.Add(kwh, estimated);
            var supplier = kwh * (interval.SpotNokPerKwh + markup) * plan.VatFactor;
            if (interval.ExportKwh != 0m)
            {
                // A household selling surplus power charges no VAT.
                exportSale ??= book.Line(Party.Supplier, LineKind.ExportSale, "Salg av overskuddskraft", "kWh", null, 0m);
                var sale = -interval.ExportKwh * (interval.SpotNokPerKwh - exportDeduction);
                exportSale.Add(interval.ExportKwh, sale, interval.Estimated ? interval.ExportKwh : 0m);
                supplier += sale;
            }

            hourCosts.AddSupplier(interval.Start, supplier);
            hourCosts.AddGrid(interval.Start, kwh * plan.GridNokPerKwhInclVat[hour]);
        }

        var support = settings.SupportResolution == SettlementResolution.Hour ? set.Hours : set.Settlement;
        SupportCalculator.Apply(settings, _rates, support, d => dayOf(d).Vat, book, hourCosts.AddSupport, used, notes);

        var lines = book.ToLines();
        NorwayMonthlyFees.SupplierFee(settings, request.Period, dayOf, lines);
        var capacity = NorwayMonthlyFees.Capacity(settings, request.Period, set.EnergyHours, dayOf, lines, notes);

        Describe(settings, set, used, notes);
        return new CostReport(
            request.Period,
            [.. lines.OrderBy(l => l.Party).ThenBy(l => l.Kind)],
            capacity,
            hourCosts.ToList(),
            set.MissingHours,
            set.Unpriced,
            used.ToList(),
            notes);
    }

    private static void Describe(NorwaySettings settings, IntervalSet set, UsedBook used, List<string> notes)
    {
        used.Setting("grid_tariff", $"{settings.Tariff.Company}{(settings.Tariff.Source.Length > 0 ? $" ({settings.Tariff.Source})" : "")}");
        used.Setting("tax_region", settings.Region.ToString());
        used.Setting("support", settings.Support.ToString());
        used.Setting("residence", settings.Residence.ToString());
        used.Setting("settlement", settings.Settlement.ToString());
        used.Setting("support_resolution", settings.SupportResolution.ToString());
        used.Setting("capacity_hours", settings.CapacityHours.ToString());
        used.Setting("markup", $"{settings.Supplier.MarkupOrePerKwh.ToString(CultureInfo.InvariantCulture)} øre/kWh ex VAT");
        used.Setting("supplier_fee", $"{settings.Supplier.FixedNokPerMonth.ToString(CultureInfo.InvariantCulture)} NOK/month ex VAT");
        used.Setting("time_zone", settings.TimeZone.Id);
        if (settings.StromstotteThresholdOrePerKwh is { } threshold)
        {
            used.Setting("stromstotte_threshold", $"{threshold.ToString(CultureInfo.InvariantCulture)} øre/kWh ex VAT");
        }

        if (settings.NorgesprisOrePerKwh is { } level)
        {
            used.Setting("norgespris", $"{level.ToString(CultureInfo.InvariantCulture)} øre/kWh ex VAT");
        }

        var estimated = set.Settlement.Where(i => i.Estimated).Sum(i => i.ImportKwh);
        if (estimated > 0m)
        {
            notes.Add($"{estimated.ToString(CultureInfo.InvariantCulture)} kWh of the import was estimated by the store (not the meter's registers); it is billed, and each line says how much of it is estimated.");
        }

        if (set.MissingHours.Count > 0)
        {
            notes.Add($"{set.MissingHours.Count} hour(s) of the period have no energy at all; nothing was billed for them.");
        }

        if (set.Unpriced.Count > 0)
        {
            notes.Add($"{set.Unpriced.Count} interval(s) have no spot price and were not costed; fetch the prices and cost again.");
        }
    }
}
