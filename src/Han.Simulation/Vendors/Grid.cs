namespace Han.Simulation.Vendors;

/// <summary>The supply a meter is connected to (norway-lists.md §7).</summary>
public enum Grid
{
    /// <summary>TN 230/400 V: phase voltages to neutral, a 4-wire meter when three-phase.</summary>
    Tn,

    /// <summary>IT (or TT) 3×230 V without neutral: line voltages, a 3-wire meter with L2 as reference.</summary>
    It,
}
