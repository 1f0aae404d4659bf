using System.Runtime.CompilerServices;
using Han.Protocol.Cosem;

namespace Han.Readings;

/// <summary>
/// The schema facts of one <see cref="ReadingField"/>: its JSON key, its quantity, and its unit as a
/// COSEM base unit plus a decimal shift (kWh is Wh shifted by 3).
/// </summary>
public sealed record ReadingFieldInfo(ReadingField Field, string Key, Quantity Quantity, CosemUnit BaseUnit, int UnitShift, string UnitSymbol)
{
    public static int Count { get; } = Enum.GetValues<ReadingField>().Length;

    private static readonly ReadingFieldInfo[] All = Build();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadingFieldInfo Of(ReadingField field) => All[(int)field];

    public static IReadOnlyList<ReadingFieldInfo> Fields => All;

    private static ReadingFieldInfo[] Build()
    {
        var all = new ReadingFieldInfo[Count];
        foreach (var field in Enum.GetValues<ReadingField>())
        {
            var key = SnakeCase(field.ToString());
            var quantity = QuantityOf(key);
            var (unit, shift, symbol) = quantity switch
            {
                Quantity.ActivePower => (CosemUnit.Watt, 0, "W"),
                Quantity.ReactivePower => (CosemUnit.Var, 0, "var"),
                Quantity.Current => (CosemUnit.Ampere, 0, "A"),
                Quantity.Voltage => (CosemUnit.Volt, 0, "V"),
                Quantity.PowerFactor => (CosemUnit.Count, 0, string.Empty),
                Quantity.Frequency => (CosemUnit.Hertz, 0, "Hz"),
                Quantity.ActiveEnergy => (CosemUnit.WattHour, 3, "kWh"),
                _ => (CosemUnit.VarHour, 3, "kvarh"),
            };
            all[(int)field] = new ReadingFieldInfo(field, key, quantity, unit, shift, symbol);
        }

        return all;
    }

    private static Quantity QuantityOf(string key) => key switch
    {
        _ when key.StartsWith("active_power", StringComparison.Ordinal) => Quantity.ActivePower,
        _ when key.StartsWith("reactive_power", StringComparison.Ordinal) => Quantity.ReactivePower,
        _ when key.StartsWith("current", StringComparison.Ordinal) => Quantity.Current,
        _ when key.StartsWith("voltage", StringComparison.Ordinal) => Quantity.Voltage,
        _ when key.StartsWith("power_factor", StringComparison.Ordinal) => Quantity.PowerFactor,
        _ when key.StartsWith("frequency", StringComparison.Ordinal) => Quantity.Frequency,
        _ when key.StartsWith("active_energy", StringComparison.Ordinal) => Quantity.ActiveEnergy,
        _ => Quantity.ReactiveEnergy,
    };

    private static string SnakeCase(string pascal)
    {
        var builder = new System.Text.StringBuilder(pascal.Length + 8);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (i > 0 && char.IsUpper(c))
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
