namespace Han.Trust;

/// <summary>One direction's energy in one hour or quarter: kWh (null when unknown) and its source.</summary>
public sealed record HourEnergy(decimal? Kwh, EnergySource Source)
{
    /// <summary>Neither a register nor an estimate: the energy is not known.</summary>
    public static HourEnergy Unknown { get; } = new(null, EnergySource.Unknown);
}
