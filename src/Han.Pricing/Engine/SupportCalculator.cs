namespace Han.Pricing;

/// <summary>
/// Strømstøtte and Norgespris (specs/pricing.md §6-7). Both use the zone's spot price of the support
/// interval (the hour by default: the mean of its quarters), count the month's import in time order
/// against the monthly cap (the interval that crosses it is supported in part), never apply to export,
/// and add VAT where VAT applies. Strømstøtte: −90 % × (spot − threshold) per kWh when spot is above the
/// threshold; homes only. Norgespris: (level − spot) per kWh, a credit when spot is above the level and
/// a charge when below.
/// </summary>
internal static class SupportCalculator
{
    public static void Apply(
        NorwaySettings settings,
        RateBook rates,
        IReadOnlyList<PricedInterval> intervals,
        Func<DateOnly, decimal> vatOn,
        LineBook lines,
        Action<DateTimeOffset, decimal> perInterval,
        UsedBook used,
        List<string> notes)
    {
        if (settings.Support == SupportScheme.None)
        {
            return;
        }

        if (settings.Support == SupportScheme.Stromstotte && settings.Residence == Residence.HolidayHome)
        {
            notes.Add("Strømstøtte does not apply to holiday homes (specs/pricing.md §6); no support was computed.");
            return;
        }

        var month = (Year: 0, Month: 0);
        var remaining = 0m;
        foreach (var interval in intervals)
        {
            var day = interval.LocalDate;
            if ((day.Year, day.Month) != month)
            {
                month = (day.Year, day.Month);
                remaining = Cap(settings, rates, day, used);
            }

            var eligible = Math.Min(interval.ImportKwh, remaining);
            remaining -= eligible;
            if (eligible <= 0m)
            {
                continue;
            }

            var estimated = interval.Estimated ? eligible : 0m;
            var vat = vatOn(day);
            if (settings.Support == SupportScheme.Stromstotte)
            {
                var threshold = Money.OreToNok(Threshold(settings, rates, day, used));
                var share = Rate(rates, NorwayRates.StromstotteShare, day, used);
                if (interval.SpotNokPerKwh > threshold)
                {
                    var exVat = -share * (interval.SpotNokPerKwh - threshold) * eligible;
                    lines.AddAmount(Party.Support, LineKind.Stromstotte, "Strømstøtte", "kWh", eligible, exVat, vat, estimated);
                    perInterval(interval.Start, exVat * (1m + vat));
                }
            }
            else
            {
                var level = Money.OreToNok(Level(settings, rates, day, used));
                var exVat = (level - interval.SpotNokPerKwh) * eligible;
                lines.AddAmount(Party.Support, LineKind.Norgespris, "Norgespris (prissikring)", "kWh", eligible, exVat, vat, estimated);
                perInterval(interval.Start, exVat * (1m + vat));
            }
        }
    }

    private static decimal Cap(NorwaySettings settings, RateBook rates, DateOnly day, UsedBook used) => settings.Support switch
    {
        SupportScheme.Stromstotte => Rate(rates, NorwayRates.StromstotteCap, day, used),
        _ when settings.Residence == Residence.HolidayHome => Rate(rates, NorwayRates.NorgesprisCapHolidayHome, day, used),
        _ => Rate(rates, NorwayRates.NorgesprisCapHome, day, used),
    };

    private static decimal Threshold(NorwaySettings settings, RateBook rates, DateOnly day, UsedBook used) =>
        settings.StromstotteThresholdOrePerKwh ?? Rate(rates, NorwayRates.StromstotteThreshold, day, used);

    private static decimal Level(NorwaySettings settings, RateBook rates, DateOnly day, UsedBook used) =>
        settings.NorgesprisOrePerKwh ?? Rate(rates, NorwayRates.Norgespris, day, used);

    private static decimal Rate(RateBook rates, string name, DateOnly day, UsedBook used)
    {
        var row = rates.On(name, day);
        used.Rate(row);
        return row.Value;
    }
}
