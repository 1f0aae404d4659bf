namespace Han.Simulation.Faults;

/// <summary>What can go wrong between a meter and a reader, as <c>--faults</c> names it.</summary>
public enum FaultKind
{
    /// <summary>One bit of a frame's information field flipped on the line: its FCS fails.</summary>
    BadCrc,

    /// <summary>A frame cut short: its end never arrives, the next frame follows at once.</summary>
    Truncated,

    /// <summary>A burst of line noise before a frame, which itself arrives intact.</summary>
    Garbage,

    /// <summary>The connection drops in the middle of a frame and the line stays silent for a while (TCP clients are disconnected).</summary>
    Disconnect,

    /// <summary>An hourly list that is never sent.</summary>
    MissingHour,

    /// <summary>The previous hour's list sent again in place of this hour's (an Aidon quirk; norway-lists.md §3).</summary>
    RepeatedHour,
}
