namespace Han.Integrations.HomeAssistant.Statistics;

/// <summary>
/// One hour of a meter register as Home Assistant's long-term statistics hold it (integrations.md §1.9):
/// the hour it belongs to, the energy of that hour, and the running total so far.
/// </summary>
/// <param name="Start">The start of the hour, exactly on the hour, with the configured zone's offset.</param>
/// <param name="State">The energy of that hour (kWh): the register at its end minus the register at its start.</param>
/// <param name="Sum">The running total up to the end of that hour, counted from the builder's first register.</param>
/// <param name="Spread">True when the hour is one of several a missing hourly list left without their own register, and got an even share.</param>
public readonly record struct StatisticRow(DateTimeOffset Start, decimal State, decimal Sum, bool Spread = false);
