namespace Han.Pricing;

/// <summary>
/// One local day's costing prepared once (a year has 365 of them, and 8,760 hours to cost): the
/// invoice lines its intervals add to, and per clock hour the energiledd line and the grid's price per
/// kWh including fees and VAT. On the day the clocks go back the repeated hour has the same prices.
/// </summary>
/// <param name="Day">The day's rates and tariff.</param>
/// <param name="Spot">The spot line.</param>
/// <param name="Markup">The markup line.</param>
/// <param name="Elavgift">Null in the tiltakssone, where no elavgift is billed.</param>
/// <param name="Enova">The Enova line.</param>
/// <param name="Energy">The energiledd line of each clock hour 0-23.</param>
/// <param name="GridNokPerKwhInclVat">Energiledd + elavgift + Enova of each clock hour, NOK/kWh incl VAT.</param>
internal sealed record NorwayDayPlan(
    NorwayDay Day,
    LineTotal Spot,
    LineTotal Markup,
    LineTotal? Elavgift,
    LineTotal Enova,
    LineTotal[] Energy,
    decimal[] GridNokPerKwhInclVat)
{
    public decimal VatFactor { get; } = 1m + Day.Vat;

    public static Func<DateOnly, NorwayDayPlan> Cache(Func<DateOnly, NorwayDay> dayOf, LineBook book, TaxRegion region, decimal markupNok)
    {
        var plans = new Dictionary<DateOnly, NorwayDayPlan>();
        return date =>
        {
            if (!plans.TryGetValue(date, out var plan))
            {
                plan = Create(dayOf(date), book, region, markupNok);
                plans.Add(date, plan);
            }

            return plan;
        };
    }

    private static NorwayDayPlan Create(NorwayDay day, LineBook book, TaxRegion region, decimal markupNok)
    {
        var vat = day.Vat;
        var spot = book.Line(Party.Supplier, LineKind.Spot, "Spotpris", "kWh", null, vat);
        var markup = book.Line(Party.Supplier, LineKind.Markup, "Påslag", "kWh", markupNok, vat);
        var energy = new LineTotal[24];
        var grid = new decimal[24];
        for (var hour = 0; hour < 24; hour++)
        {
            var (name, ore) = day.Tariff.Energy.PriceAt(day.Day, hour);
            var energyNok = Money.OreToNok(ore);
            energy[hour] = book.Line(Party.Grid, LineKind.EnergyCharge, $"Energiledd {name}", "kWh", energyNok, vat);
            grid[hour] = (energyNok + day.ElavgiftNok + day.EnovaNok) * (1m + vat);
        }

        var elavgift = region == TaxRegion.Tiltakssone ? null : book.Line(Party.Grid, LineKind.Elavgift, "Elavgift", "kWh", day.ElavgiftNok, vat);
        var enova = book.Line(Party.Grid, LineKind.Enova, "Enova-avgift", "kWh", day.EnovaNok, vat);
        return new NorwayDayPlan(day, spot, markup, elavgift, enova, energy, grid);
    }
}
