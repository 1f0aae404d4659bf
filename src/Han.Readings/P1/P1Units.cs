using System.Text;
using Han.Protocol.Cosem;

namespace Han.Readings.P1;

/// <summary>
/// The unit texts P1 telegrams write after <c>*</c>, as a COSEM unit and a decimal shift
/// (<c>kWh</c> = <see cref="CosemUnit.WattHour"/> shifted by 3, so 1.234 kWh = 1234 Wh exactly).
/// Matched case-insensitively (<c>kVArh</c>, <c>kvarh</c>); a text not listed has no COSEM unit.
/// </summary>
public static class P1Units
{
    private static readonly (string Text, CosemUnit Unit, int Shift)[] Table =
    [
        ("kWh", CosemUnit.WattHour, 3),
        ("kW", CosemUnit.Watt, 3),
        ("kvarh", CosemUnit.VarHour, 3),
        ("kvar", CosemUnit.Var, 3),
        ("V", CosemUnit.Volt, 0),
        ("A", CosemUnit.Ampere, 0),
        ("Wh", CosemUnit.WattHour, 0),
        ("W", CosemUnit.Watt, 0),
        ("varh", CosemUnit.VarHour, 0),
        ("var", CosemUnit.Var, 0),
        ("MWh", CosemUnit.WattHour, 6),
        ("kVAh", CosemUnit.VoltAmpereHour, 3),
        ("kVA", CosemUnit.VoltAmpere, 3),
        ("VAh", CosemUnit.VoltAmpereHour, 0),
        ("VA", CosemUnit.VoltAmpere, 0),
        ("Hz", CosemUnit.Hertz, 0),
        ("m3", CosemUnit.CubicMetre, 0),
        ("GJ", CosemUnit.Joule, 9),
        ("s", CosemUnit.Second, 0),
        ("%", CosemUnit.Percent, 0),

        // Lithuanian ESO meters write voltages, currents and the frequency in kV, kA and kHz
        // (0000.242*kV; esphome-libs/dsmr_parser pull request 17), rescaled exactly like kW.
        ("kV", CosemUnit.Volt, 3),
        ("kA", CosemUnit.Ampere, 3),
        ("kHz", CosemUnit.Hertz, 3),
    ];

    /// <summary>Longest unit text in <see cref="Table"/>.</summary>
    private const int MaxLength = 5;

    /// <summary><see cref="Table"/>'s texts as <see cref="KeyOf"/> keys, in the same order.</summary>
    private static readonly ulong[] Keys = Array.ConvertAll(Table, row => KeyOf(Encoding.ASCII.GetBytes(row.Text)));

    /// <summary>The COSEM unit of <paramref name="text"/> and the power of ten it carries.</summary>
    public static bool TryGet(ReadOnlySpan<byte> text, out CosemUnit unit, out int shift)
    {
        // One comparison of packed keys against the whole table instead of a text comparison per row.
        var index = text.Length is > 0 and <= MaxLength ? Array.IndexOf(Keys, KeyOf(text)) : -1;
        if (index >= 0)
        {
            (_, unit, shift) = Table[index];
            return true;
        }

        unit = default;
        shift = 0;
        return false;
    }

    /// <summary>
    /// Up to <see cref="MaxLength"/> bytes with ASCII letters in lower case (as <see cref="Ascii.EqualsIgnoreCase(ReadOnlySpan{byte}, string)"/>
    /// compares them), packed into one number together with their count, so equal keys mean equal texts.
    /// </summary>
    private static ulong KeyOf(ReadOnlySpan<byte> text)
    {
        var key = (ulong)text.Length;
        foreach (var b in text)
        {
            key = (key << 8) | (b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b | 0x20) : b);
        }

        return key;
    }
}
