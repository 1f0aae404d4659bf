namespace Han.Integrations.HomeAssistant.Statistics;

/// <summary>
/// How far a <see cref="HourlyStatisticsBuilder"/> has come: the end of the last hour it closed (or the
/// register it started counting from) and the register there. Home Assistant's statistics hold each hour's
/// energy and a running sum, not the register (integrations.md §1.9), so han remembers this itself across
/// restarts (<see cref="StatisticPositionStore"/>): the first hourly register after a restart then closes
/// the hours since, instead of only starting the count again.
/// </summary>
/// <param name="Boundary">The instant (UTC) of the hourly register: the end of the last hour closed.</param>
/// <param name="Register">The register at <paramref name="Boundary"/> (kWh).</param>
/// <param name="Sum">The builder's running total at <paramref name="Boundary"/> (kWh).</param>
public sealed record StatisticPosition(DateTimeOffset Boundary, decimal Register, decimal Sum);
