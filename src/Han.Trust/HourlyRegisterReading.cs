namespace Han.Trust;

/// <summary>
/// One hourly list as the meter sent it: its clock (local wall time, as sent, or null when the list has
/// none), the time han received it (UTC, from the host's NTP clock) and the cumulative registers in kWh.
/// </summary>
/// <param name="MeterClock">The meter's clock as sent (local wall time; its Kind is ignored).</param>
/// <param name="ReceivedUtc">When han received the list.</param>
/// <param name="Import">Cumulative active energy import (kWh).</param>
/// <param name="Export">Cumulative active energy export (kWh), or null when the meter sends none.</param>
public sealed record HourlyRegisterReading(
    DateTime? MeterClock,
    DateTimeOffset ReceivedUtc,
    decimal Import,
    decimal? Export);
