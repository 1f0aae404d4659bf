namespace Han.Protocol.Cosem;

/// <summary>
/// COSEM physical units (DLMS UA 1000-1 Blue Book, table 4: the <c>unit</c> enum of scaler_unit).
/// Only the members HAN meters are known to send are named; any other byte value is still carried.
/// </summary>
#pragma warning disable CA1008 // 0 is not a unit in the standard; a default value is meaningless here.
#pragma warning disable CA1028 // The wire type is one byte.
public enum CosemUnit : byte
#pragma warning restore CA1028
#pragma warning restore CA1008
{
    Year = 1,
    Month = 2,
    Week = 3,
    Day = 4,
    Hour = 5,
    Minute = 6,
    Second = 7,
    Degree = 8,
    DegreeCelsius = 9,
    Currency = 10,
    Metre = 11,
    MetrePerSecond = 12,
    CubicMetre = 13,
    CubicMetreCorrected = 14,
    CubicMetrePerHour = 15,
    CubicMetrePerHourCorrected = 16,
    CubicMetrePerDay = 17,
    CubicMetrePerDayCorrected = 18,
    Litre = 19,
    Kilogram = 20,
    Newton = 21,
    NewtonMetre = 22,
    Pascal = 23,
    Bar = 24,
    Joule = 25,
    JoulePerHour = 26,
    Watt = 27,
    VoltAmpere = 28,
    Var = 29,
    WattHour = 30,
    VoltAmpereHour = 31,
    VarHour = 32,
    Ampere = 33,
    Coulomb = 34,
    Volt = 35,
    VoltPerMetre = 36,
    Farad = 37,
    Ohm = 38,
    OhmMetre = 39,
    Weber = 40,
    Tesla = 41,
    AmperePerMetre = 42,
    Henry = 43,
    Hertz = 44,
    ActiveEnergyMeterConstant = 45,
    ReactiveEnergyMeterConstant = 46,
    ApparentEnergyMeterConstant = 47,
    VoltSquaredHour = 48,
    AmpereSquaredHour = 49,
    KilogramPerSecond = 50,
    Siemens = 51,
    Kelvin = 52,
    Percent = 56,
    AmpereHour = 57,
    Other = 254,
    Count = 255,
}
