using System.Globalization;

namespace Han.Integrations.Domoticz;

/// <summary>
/// The svalue texts of the Domoticz device types (integrations.md §2.3, [DZ4][DZ5]): invariant culture
/// (Domoticz reads them with atof/atoi, which want a point), counters in whole Wh (Domoticz' own P1 reader
/// sends kWh × 1000 as an integer), power in whole W. Voltage with one decimal and current with two:
/// the resolution the meters send (0.1 V; 0.01 A for Kaifa and Kamstrup), where amsreader cuts current to
/// one decimal [DZ10].
/// </summary>
public static class DomoticzFormat
{
    /// <summary>P1 Smart Meter: <c>USAGE1;USAGE2;RETURN1;RETURN2;CONS;PROD</c>.</summary>
    public static string P1(long usage1Wh, long usage2Wh, long return1Wh, long return2Wh, decimal consumptionW, decimal productionW) =>
        string.Create(CultureInfo.InvariantCulture, $"{usage1Wh};{usage2Wh};{return1Wh};{return2Wh};{Watts(consumptionW)};{Watts(productionW)}");

    /// <summary>Electric (Instant+Counter): <c>W;Wh</c>.</summary>
    public static string InstantAndCounter(decimal powerW, long energyWh) =>
        string.Create(CultureInfo.InvariantCulture, $"{Watts(powerW)};{energyWh}");

    /// <summary>Voltage: <c>V</c> with one decimal.</summary>
    public static string Voltage(decimal volts) => Math.Round(volts, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>Ampere (1 Phase): <c>I</c> with two decimals.</summary>
    public static string Current(decimal amperes) => Math.Round(amperes, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Ampere (3 Phase): <c>I1;I2;I3</c>.</summary>
    public static string Currents(decimal l1, decimal l2, decimal l3) => $"{Current(l1)};{Current(l2)};{Current(l3)}";

    /// <summary>Whole watt-hours of a kWh register, rounded down: a rounded-up counter could be followed by a lower one.</summary>
    public static long WattHours(decimal kilowattHours) => (long)decimal.Floor(kilowattHours * 1000m);

    private static long Watts(decimal watts) => (long)Math.Round(watts, MidpointRounding.AwayFromZero);
}
