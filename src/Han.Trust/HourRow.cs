namespace Han.Trust;

/// <summary>
/// One hour of the ledger: its start (UTC and local in the configured zone), import and export energy
/// with their sources, and the flags that say what was wrong, if anything.
/// </summary>
public sealed record HourRow(
    DateTimeOffset StartUtc,
    DateTimeOffset StartLocal,
    HourEnergy Import,
    HourEnergy? Export,
    IReadOnlyList<HourFlag> Flags)
{
    /// <summary>True when every direction the meter sends is an exact register difference.</summary>
    public bool IsExact => Import.Source == EnergySource.Exact && (Export is null || Export.Source == EnergySource.Exact);

    /// <summary>True when some direction's energy is not known at all.</summary>
    public bool IsUnknown => Import.Source == EnergySource.Unknown || Export?.Source == EnergySource.Unknown;
}
