using Han.Protocol.Cosem;

namespace Han.Readings;

/// <summary>A value the meter sent that the schema has no key for, kept under its OBIS code.</summary>
public sealed record ObisValue(ObisCode Code, CosemValue Value);
