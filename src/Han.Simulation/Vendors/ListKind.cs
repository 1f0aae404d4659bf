namespace Han.Simulation.Vendors;

/// <summary>The lists of the NVE object list (norway-lists.md §2), by what they carry.</summary>
public enum ListKind
{
    /// <summary>NVE list 1: active power import only (Aidon every 2.5 s, Kaifa every 2 s).</summary>
    Power,

    /// <summary>NVE list 2: identity, powers, currents, voltages (every 10 s; Kamstrup's "List 1").</summary>
    Full,

    /// <summary>NVE list 3: list 2 with the clock and the energy registers (hourly; Kamstrup's "List 2").</summary>
    Hourly,
}
