using Han.Pricing;

namespace Han.Costs;

/// <summary>
/// How much more the hour under way may take before the month's capacity step goes up. The step is chosen
/// by the mean of the month's highest daily maxima (three on three days, or one for a monthly maximum);
/// the hour under way can only raise its own day's maximum, so the most it may reach is the energy that
/// brings that mean to the next step's lower bound with the other days' highest maxima:
/// n × bound − (the n − 1 highest maxima of the other days), n being 3 (or fewer days so far, or 1).
/// </summary>
public static class CapacityHeadroom
{
    /// <summary>The step the month is on and the kWh the hour under way has left before the next; null headroom on the top step or for a method han does not compute.</summary>
    /// <param name="otherDaysMaxima">The highest trusted hour of each other day of the month so far (kWh).</param>
    /// <param name="todayBefore">Today's highest trusted hour before the one under way (null when there is none yet).</param>
    /// <param name="hourSoFar">What the hour under way has taken so far (kWh).</param>
    public static (CapacityStep Step, decimal? UpToKwhPerHour, decimal? HeadroomKwh) Compute(
        CapacityCharge charge, IReadOnlyList<decimal> otherDaysMaxima, decimal? todayBefore, decimal hourSoFar)
    {
        ArgumentNullException.ThrowIfNull(charge);
        ArgumentNullException.ThrowIfNull(otherDaysMaxima);
        var count = charge.Method switch
        {
            CapacityMethod.ThreeDailyMaximaOfMonth => 3,
            CapacityMethod.MonthlyMaximum => 1,
            _ => 0,
        };
        var ordered = otherDaysMaxima.OrderByDescending(m => m).ToList();
        var days = todayBefore is { } today ? [.. ordered, today] : ordered;
        var basis = count == 0 ? 0m : Mean(days.OrderByDescending(m => m).Take(count).ToList());
        var (step, upTo) = charge.StepFor(basis);
        if (count == 0 || upTo is not { } bound)
        {
            return (step, upTo, null);
        }

        var n = Math.Min(count, ordered.Count + 1);
        var most = (n * bound) - ordered.Take(n - 1).Sum();
        return (step, upTo, Math.Max(0m, most - hourSoFar));
    }

    private static decimal Mean(List<decimal> values) => values.Count == 0 ? 0m : values.Sum() / values.Count;
}
