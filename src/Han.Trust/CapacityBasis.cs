namespace Han.Trust;

/// <summary>
/// The month's capacity basis (Norwegian grid tariff "kapasitetsledd"): the mean of the highest hourly
/// import of each of the three days with the highest such hours, and the hours it used.
/// </summary>
/// <param name="MeanKwh">The mean (kWh/h = average kW), or null when no hour of the month is known.</param>
/// <param name="Peaks">The hours used, highest first (fewer than three while the month has fewer days).</param>
public sealed record CapacityBasis(decimal? MeanKwh, IReadOnlyList<CapacityPeak> Peaks)
{
    /// <summary>True when some peak used is not an exact register difference.</summary>
    public bool AnyEstimated => Peaks.Any(p => p.Source != EnergySource.Exact);
}
