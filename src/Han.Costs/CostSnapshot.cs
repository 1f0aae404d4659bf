using Han.Pricing;

namespace Han.Costs;

/// <summary>
/// What the electricity costs now and so far, for the dashboard and Home Assistant. Amounts in NOK
/// including VAT where it applies; null where han cannot know (no price yet, no tariff step).
/// </summary>
/// <param name="At">When it was computed.</param>
/// <param name="PriceNow">What one more kWh costs in the hour under way, all in: spot, markup, grid energy, taxes, VAT, less support.</param>
/// <param name="HourCost">The hour under way's energy so far, all in (monthly fees not shared out).</param>
/// <param name="DayCost">Today's hours so far, all in (monthly fees not shared out).</param>
/// <param name="Month">The month's invoice so far: every line, monthly fees shared by the days so far.</param>
/// <param name="Step">The capacity step the month is on (trusted hours only), or null without a capacity charge.</param>
/// <param name="StepUpToKwhPerHour">The next step's lower bound; null on the top step.</param>
/// <param name="StepNokPerMonth">The step's monthly fee including VAT where it applies.</param>
/// <param name="HeadroomKwh">How many kWh the hour under way may still take before the month's step goes up; null on the top step.</param>
/// <param name="Today">Today's hours: consumption and the all-in price of each (the price curve with consumption under it).</param>
public sealed record CostSnapshot(
    DateTimeOffset At,
    decimal? PriceNow,
    decimal? HourCost,
    decimal DayCost,
    CostReport Month,
    CapacityStep? Step,
    decimal? StepUpToKwhPerHour,
    decimal? StepNokPerMonth,
    decimal? HeadroomKwh,
    IReadOnlyList<PricedHour> Today);

/// <summary>One hour of today: its start, the all-in price of a kWh in it (null before prices are known), the spot price, and what was taken (null for hours to come).</summary>
public sealed record PricedHour(DateTimeOffset Start, decimal? AllInNokPerKwh, decimal? SpotNokPerKwh, decimal? ImportKwh);
