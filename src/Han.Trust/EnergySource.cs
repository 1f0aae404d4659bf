namespace Han.Trust;

/// <summary>Where an hour's (or quarter's) energy comes from.</summary>
public enum EnergySource
{
    /// <summary>The difference of two consecutive hourly registers: what the meter bills.</summary>
    Exact,

    /// <summary>Integrated power, or a register difference over several hours shared out by it.</summary>
    Estimated,

    /// <summary>Neither a register nor integrated power covers the hour: nothing is invented.</summary>
    Unknown,
}
