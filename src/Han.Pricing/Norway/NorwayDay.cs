namespace Han.Pricing;

/// <summary>
/// What one local day's intervals are costed with in Norway: the VAT rate of the region, elavgift and
/// Enova (NOK/kWh ex VAT) and the grid tariff in force. Looked up once per day and kept.
/// </summary>
internal sealed record NorwayDay(LocalDay Day, decimal Vat, decimal ElavgiftNok, decimal EnovaNok, GridTariffPeriod Tariff)
{
    public static Func<DateOnly, NorwayDay> Cache(NorwaySettings settings, RateBook rates, UsedBook used)
    {
        var days = new Dictionary<DateOnly, NorwayDay>();
        return date =>
        {
            if (!days.TryGetValue(date, out var day))
            {
                day = Look(settings, rates, used, date);
                days.Add(date, day);
            }

            return day;
        };
    }

    private static NorwayDay Look(NorwaySettings settings, RateBook rates, UsedBook used, DateOnly date)
    {
        var vat = 0m;
        if (settings.Region == TaxRegion.Standard)
        {
            var row = rates.On(NorwayRates.Vat, date);
            used.Rate(row);
            vat = row.Value;
        }

        var elavgift = 0m;
        if (settings.Region != TaxRegion.Tiltakssone)
        {
            var row = rates.On(NorwayRates.Elavgift, date);
            used.Rate(row);
            elavgift = Money.OreToNok(row.Value);
        }

        var enova = rates.On(NorwayRates.Enova, date);
        used.Rate(enova);
        return new NorwayDay(LocalDay.Norwegian(date), vat, elavgift, Money.OreToNok(enova.Value), settings.Tariff.PeriodFor(date, settings.CustomerGroup));
    }
}
