namespace Han.Storage;

/// <summary>
/// One list as it was stored: when it arrived (UTC, to the millisecond), the meter's clock as sent
/// (<c>meter_time</c> of DESIGN.md §2.2, null when the list had none), and the reading as the JSON
/// object <c>han decode --format json</c> prints (<see cref="ListValues"/> reads its numbers back).
/// </summary>
public sealed record StoredList(string Meter, DateTimeOffset Received, string? MeterTime, string Json);
