namespace Han.Pricing;

/// <summary>
/// A price that replaces the base energy price when ALL its conditions hold (fri-nettleie's
/// <c>unntak</c>): the hour is in one of <see cref="Hours"/>, the day matches one of <see cref="Days"/>
/// and the month is one of <see cref="Months"/>. An empty list means "any".
/// </summary>
/// <param name="Name">As the company names it (e.g. "Virkedag"); shown on the invoice line.</param>
/// <param name="OrePerKwh">Øre/kWh excluding VAT and fees.</param>
/// <param name="Hours">Clock hours (ranges, either end included).</param>
/// <param name="Days">Day kinds; several mean "or".</param>
/// <param name="Months">Months 1-12.</param>
public sealed record EnergyPriceRule(
    string Name,
    decimal OrePerKwh,
    IReadOnlyList<HourRange> Hours,
    IReadOnlyList<DayKind> Days,
    IReadOnlyList<int> Months)
{
    internal bool Applies(in LocalDay day, int hour)
    {
        if (Months.Count > 0 && !Months.Contains(day.Date.Month))
        {
            return false;
        }

        if (Days.Count > 0 && !Days.Any(day.Is))
        {
            return false;
        }

        return Hours.Count == 0 || Hours.Any(h => h.Contains(hour));
    }
}
