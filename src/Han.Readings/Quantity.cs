namespace Han.Readings;

/// <summary>What a reading field measures; profiles state implicit scaling per quantity.</summary>
public enum Quantity
{
    ActivePower,
    ReactivePower,
    Current,
    Voltage,
    PowerFactor,
    Frequency,
    ActiveEnergy,
    ReactiveEnergy,
}
