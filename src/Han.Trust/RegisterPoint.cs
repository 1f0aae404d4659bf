namespace Han.Trust;

/// <summary>One direction's register (kWh) on a UTC hour boundary.</summary>
internal readonly record struct RegisterPoint(DateTimeOffset BoundaryUtc, decimal Kwh);
