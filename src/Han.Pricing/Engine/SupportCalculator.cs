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

        var days = new Dictionary<DateOnly, SupportDay>();
        var month = (Year: 0, Month: 0);
        var remaining = 0m;
        foreach (var interval in intervals)
        {
            var date = interval.LocalDate;
            if ((date.Year, date.Month) != month)
            {
                month = (date.Year, date.Month);
                remaining = Cap(settings, rates, date, used);
            }

            var eligible = Math.Min(interval.ImportKwh, remaining);
            remaining -= eligible;
            if (eligible <= 0m)
            {
                continue;
            }

            if (!days.TryGetValue(date, out var day))
            {
                day = Day(settings, rates, date, vatOn(date), lines, used);
                days.Add(date, day);
            }

            // Strømstøtte: only hours above the threshold; Norgespris: every hour, either sign.
            var perKwh = day.Share * (day.ReferenceNok - interval.SpotNokPerKwh);
            if (settings.Support == SupportScheme.Stromstotte && perKwh >= 0m)
            {
                continue;
            }

            var exVat = perKwh * eligible;
            day.Line.Add(eligible, exVat, interval.Estimated ? eligible : 0m);
            perInterval(interval.Start, exVat * day.VatFactor);
        }
    }

    /// <summary>
    /// A day's support terms: per kWh the support is Share × (Reference − spot); strømstøtte has share
    /// 0.9 and the threshold as reference (so it is negative, a credit, above the threshold), Norgespris
    /// share 1 and its level.
    /// </summary>
    private sealed record SupportDay(decimal Share, decimal ReferenceNok, decimal VatFactor, LineTotal Line);

    private static SupportDay Day(NorwaySettings settings, RateBook rates, DateOnly date, decimal vat, LineBook lines, UsedBook used) =>
        settings.Support == SupportScheme.Stromstotte
            ? new SupportDay(
                Rate(rates, NorwayRates.StromstotteShare, date, used),
                Money.OreToNok(Threshold(settings, rates, date, used)),
                1m + vat,
                lines.Line(Party.Support, LineKind.Stromstotte, "Strømstøtte", "kWh", null, vat))
            : new SupportDay(
                1m,
                Money.OreToNok(Level(settings, rates, date, used)),
                1m + vat,
                lines.Line(Party.Support, LineKind.Norgespris, "Norgespris (prissikring)", "kWh", null, vat));

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
