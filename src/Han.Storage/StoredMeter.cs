namespace Han.Storage;

/// <summary>A meter as the store knows it: its configured name and its identity as its lists said last.</summary>
public sealed record StoredMeter(string Name, string? MeterId, string? Manufacturer, string? MeterType, string? ListVersion);
