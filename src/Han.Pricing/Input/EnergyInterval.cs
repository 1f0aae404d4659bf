namespace Han.Pricing;

/// <summary>
/// Energy through the meter in one interval (an hour or a quarter hour), as the store gives it.
/// </summary>
/// <param name="Start">Start of the interval (any offset; compared as an instant).</param>
/// <param name="Length">One hour or 15 minutes.</param>
/// <param name="ImportKwh">Energy taken from the grid.</param>
/// <param name="ExportKwh">Energy fed into the grid (0 when the meter sends none).</param>
/// <param name="Estimated">
/// True when the store could not take the energy from the meter's registers (a missing list, a
/// register it did not believe): the invoice lines still bill it, and say how much was estimated, but
/// the capacity step leaves such hours out unless told otherwise (<see cref="CapacityHours"/>).
/// </param>
public sealed record EnergyInterval(DateTimeOffset Start, TimeSpan Length, decimal ImportKwh, decimal ExportKwh = 0m, bool Estimated = false)
{
    public static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    public static readonly TimeSpan Quarter = TimeSpan.FromMinutes(15);

    public DateTimeOffset End => Start + Length;

    public static EnergyInterval ForHour(DateTimeOffset start, decimal importKwh, decimal exportKwh = 0m, bool estimated = false) =>
        new(start, Hour, importKwh, exportKwh, estimated);

    public static EnergyInterval ForQuarter(DateTimeOffset start, decimal importKwh, decimal exportKwh = 0m, bool estimated = false) =>
        new(start, Quarter, importKwh, exportKwh, estimated);
}
