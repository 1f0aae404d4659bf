namespace Han.Pricing;

/// <summary>
/// A grid company's household tariffs over time: what fri-nettleie's YAML (tariff.cue <c>#Selskap</c>)
/// expresses for households and holiday homes. Prices are excluding VAT, elavgift and Enova.
/// </summary>
/// <param name="Company">The company's name (<c>netteier</c>).</param>
/// <param name="Periods">Its tariffs with their validity.</param>
/// <param name="Source">Where the figures come from (a URL, or fri-nettleie with its credit).</param>
public sealed record GridTariff(string Company, IReadOnlyList<GridTariffPeriod> Periods, string Source = "")
{
    /// <summary>The tariff for a customer group on a local date; a clear error when there is none.</summary>
    public GridTariffPeriod PeriodFor(DateOnly day, CustomerGroup group)
    {
        foreach (var period in Periods)
        {
            if (period.IsValidOn(day) && period.CustomerGroups.Contains(group))
            {
                return period;
            }
        }

        throw new ArgumentException(
            $"The grid tariff of {Company} has no tariff for {group} on {day:yyyy-MM-dd}: add a tariff valid on that date for that customer group, or cost a period it covers.");
    }
}
