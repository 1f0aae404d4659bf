using System.Globalization;
using Han.Protocol.Cosem;
using Han.Readings;

namespace Han.Cli.Views;

/// <summary>Value and unit text shared by the text and fields views.</summary>
internal static class Fields
{
    public static string Format(Measurement value, ReadingField field)
    {
        var unit = ReadingFieldInfo.Of(field).UnitSymbol;
        return unit.Length == 0 ? value.ToString() : $"{value} {unit}";
    }

    /// <summary>The values outside the schema, one line each: <c>obis CODE = value</c>, <c>value [index] = value</c>.</summary>
    public static IEnumerable<string> OtherLines(MeterReading reading)
    {
        foreach (var other in reading.Other)
        {
            yield return $"obis {other.Code} = {Format(other.Value)}";
        }

        foreach (var (index, value) in reading.Unnamed)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"value [{index}] = {Format(value)}");
        }
    }

    public static string Format(CosemValue value) => value switch
    {
        CosemValue.Number { Unit: { } unit } number when unit.Symbol().Length > 0 => $"{number.Value} {unit.Symbol()}",
        CosemValue.Number number => number.Value.ToString(),
        CosemValue.Text text => "\"" + text.Value + "\"",
        CosemValue.Time time => MeterClock.TryFrom(time.Value, out var clock) ? clock.ToString() : time.Value.Describe(),
        CosemValue.Bytes bytes => Convert.ToHexString(bytes.Value.Span),
        CosemValue.Boolean boolean => boolean.Value ? "true" : "false",
        _ => "null",
    };
}
