namespace Han.Simulation.Vendors;

/// <summary>
/// How a three-phase 3-wire meter (IT grid) reports the L2 quantities, which have no meaning when L2
/// is the reference point (norway-lists.md §7): each vendor does it its own way.
/// </summary>
/// <param name="L2Current">What the meter sends for IL2.</param>
/// <param name="L2VoltageIsLineL1L3">True when UL2 carries the line voltage L1-L3 (Aidon, Kamstrup); false when it is sent as 0 (Kaifa MA304H3E, L&amp;G E350).</param>
public sealed record ThreeWireRule(L2Current L2Current, bool L2VoltageIsLineL1L3);

/// <summary>The IL2 of a 3-wire meter.</summary>
public enum L2Current
{
    /// <summary>Not pushed at all (Aidon 6525: "not supported", 12-element list 2).</summary>
    Omitted,

    /// <summary>Sent as 0 (L&amp;G E350 in Norway).</summary>
    Zero,

    /// <summary>The L2 line current (Kaifa MA304H3E and Kamstrup 684-11-21x send all three non-zero).</summary>
    Measured,
}
