using System.Globalization;

namespace Han.Protocol.Cosem;

/// <summary>Printable symbols for <see cref="CosemUnit"/> (Blue Book table 4 "unit" column).</summary>
public static class CosemUnitSymbols
{
    public static string Symbol(this CosemUnit unit) => unit switch
    {
        CosemUnit.Year => "a",
        CosemUnit.Month => "mo",
        CosemUnit.Week => "wk",
        CosemUnit.Day => "d",
        CosemUnit.Hour => "h",
        CosemUnit.Minute => "min",
        CosemUnit.Second => "s",
        CosemUnit.Degree => "°",
        CosemUnit.DegreeCelsius => "°C",
        CosemUnit.Currency => "currency",
        CosemUnit.Metre => "m",
        CosemUnit.MetrePerSecond => "m/s",
        CosemUnit.CubicMetre or CosemUnit.CubicMetreCorrected => "m3",
        CosemUnit.CubicMetrePerHour or CosemUnit.CubicMetrePerHourCorrected => "m3/h",
        CosemUnit.CubicMetrePerDay or CosemUnit.CubicMetrePerDayCorrected => "m3/d",
        CosemUnit.Litre => "l",
        CosemUnit.Kilogram => "kg",
        CosemUnit.Newton => "N",
        CosemUnit.NewtonMetre => "Nm",
        CosemUnit.Pascal => "Pa",
        CosemUnit.Bar => "bar",
        CosemUnit.Joule => "J",
        CosemUnit.JoulePerHour => "J/h",
        CosemUnit.Watt => "W",
        CosemUnit.VoltAmpere => "VA",
        CosemUnit.Var => "var",
        CosemUnit.WattHour => "Wh",
        CosemUnit.VoltAmpereHour => "VAh",
        CosemUnit.VarHour => "varh",
        CosemUnit.Ampere => "A",
        CosemUnit.Coulomb => "C",
        CosemUnit.Volt => "V",
        CosemUnit.VoltPerMetre => "V/m",
        CosemUnit.Farad => "F",
        CosemUnit.Ohm => "Ω",
        CosemUnit.OhmMetre => "Ωm",
        CosemUnit.Weber => "Wb",
        CosemUnit.Tesla => "T",
        CosemUnit.AmperePerMetre => "A/m",
        CosemUnit.Henry => "H",
        CosemUnit.Hertz => "Hz",
        CosemUnit.Siemens => "S",
        CosemUnit.Kelvin => "K",
        CosemUnit.Percent => "%",
        CosemUnit.AmpereHour => "Ah",
        CosemUnit.Other => "other",
        CosemUnit.Count => string.Empty,
        _ => "unit " + ((byte)unit).ToString(CultureInfo.InvariantCulture),
    };
}
