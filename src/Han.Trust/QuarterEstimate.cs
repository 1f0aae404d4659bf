namespace Han.Trust;

/// <summary>
/// Energy integrated from active power over one quarter hour (the live estimate's increase), per
/// direction in kWh. The hour's estimate is the sum of its four quarters.
/// </summary>
/// <param name="StartUtc">Start of the quarter hour (UTC, on a quarter-hour boundary).</param>
/// <param name="Import">Integrated import (kWh).</param>
/// <param name="Export">Integrated export (kWh).</param>
public sealed record QuarterEstimate(DateTimeOffset StartUtc, decimal Import, decimal Export);
