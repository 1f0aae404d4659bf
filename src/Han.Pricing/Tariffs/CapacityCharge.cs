namespace Han.Pricing;

/// <summary>
/// The grid company's kapasitetsledd (fastledd): a step table chosen by the month's power.
/// </summary>
/// <param name="Method">How the power is measured.</param>
/// <param name="ThresholdIncluded">
/// fri-nettleie's <c>terskel_inkludert</c>: true when a power exactly at a step's lower bound is on that
/// step (2.00 falls in "2-5"), as most companies do (specs/pricing.md §5.1).
/// </param>
/// <param name="Steps">The steps, any order; the lowest should start at 0.</param>
public sealed record CapacityCharge(CapacityMethod Method, bool ThresholdIncluded, IReadOnlyList<CapacityStep> Steps)
{
    /// <summary>The step for a power, and the next step's lower bound (null on the top step).</summary>
    public (CapacityStep Step, decimal? UpTo) StepFor(decimal kwhPerHour)
    {
        if (Steps.Count == 0)
        {
            throw new InvalidOperationException("The capacity charge has no steps; a tariff needs at least one (from 0 kWh/h).");
        }

        var ordered = Steps.OrderBy(s => s.FromKwhPerHour).ToList();
        var chosen = 0;
        for (var i = 1; i < ordered.Count; i++)
        {
            var from = ordered[i].FromKwhPerHour;
            if (ThresholdIncluded ? kwhPerHour >= from : kwhPerHour > from)
            {
                chosen = i;
            }
        }

        return (ordered[chosen], chosen + 1 < ordered.Count ? ordered[chosen + 1].FromKwhPerHour : null);
    }
}
