namespace Han.Storage;

/// <summary>
/// Energy is stored as a whole number of millionths of a kWh (mWh): exact in both SQLite and
/// PostgreSQL, and fast to add up. Registers are whole Wh or coarser, so they fit exactly; a live
/// estimate is rounded to the nearest mWh (a thousandth of a Wh, far below what any meter resolves).
/// </summary>
internal static class EnergyUnits
{
    private const decimal MilliwattHoursPerKwh = 1_000_000m;

    public static long? ToStored(decimal? kwh) =>
        kwh is { } value ? (long)decimal.Round(value * MilliwattHoursPerKwh, MidpointRounding.ToEven) : null;

    /// <summary>The kWh with no trailing zeros (0.25, not 0.250000), so that answers and exports read as the meter's numbers.</summary>
    public static decimal? FromStored(long? stored) => stored is { } value ? value / MilliwattHoursPerKwh / TrailingZerosDropped : null;

    // Dividing by a one with many decimal zeros gives the result its smallest scale (a property of System.Decimal's division).
    private const decimal TrailingZerosDropped = 1.000000000000000000000000000000000m;
}
