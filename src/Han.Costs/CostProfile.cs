using Han.Pricing;

namespace Han.Costs;

/// <summary>
/// How a household's electricity is costed: the engine with its rules and rates, the bidding zone whose
/// spot prices it takes, the zone of its local days, and the grid tariff's capacity charge on a day (null
/// where the market has none), which the live headroom needs.
/// </summary>
public sealed record CostProfile(ICostEngine Engine, string Zone, TimeZoneInfo TimeZone, Func<DateOnly, CapacityCharge?> CapacityOn)
{
    /// <summary>A Norwegian household: the tariff's capacity charge for its customer group on each day.</summary>
    public static CostProfile Norway(NorwaySettings settings, string zone, RateBook? rates = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var group = settings.Residence == Residence.HolidayHome ? CustomerGroup.HolidayHome : CustomerGroup.Household;
        return new CostProfile(new NorwayCostEngine(settings, rates), zone, settings.TimeZone, day => settings.Tariff.PeriodFor(day, group).Capacity);
    }
}
