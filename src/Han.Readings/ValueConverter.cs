using System.Text;
using Han.Protocol.Axdr;
using Han.Protocol.Cosem;
using Han.Readings.Lists;

namespace Han.Readings;

/// <summary>Turns list values into schema measurements, text and <see cref="CosemValue"/>s.</summary>
internal sealed class ValueConverter
{
    private readonly TextCache _texts = new();

    /// <summary>
    /// The value in the field's schema unit, when <paramref name="scaling"/> is known and its unit is
    /// the field's (W for power, Wh for energy, ...). False when the value must travel as raw OBIS data.
    /// </summary>
    public static bool TryMeasure(in AxdrElement value, ScalerUnit scaling, ReadingFieldInfo field, out Measurement measurement)
    {
        measurement = default;
        if (!TryUnitShift(scaling.Unit, field, out var unitShift))
        {
            return false;
        }

        var exponent = scaling.Scaler - field.UnitShift + unitShift;
        if (value.TryGetInt64(out var raw))
        {
            measurement = new Measurement(raw, exponent);
            return true;
        }

        if (value.Type is DataType.Float32 or DataType.Float64
            && Measurement.TryFromDouble(value.ToDouble(), value.Type == DataType.Float32 ? 7 : 15, out var parsed))
        {
            measurement = parsed with { Exponent = parsed.Exponent + exponent };
            return true;
        }

        return false;
    }

    /// <summary>Text of a string value (visible, UTF-8, or printable octet-string), NUL padding removed.</summary>
    public bool TryGetText(in AxdrElement value, out string text)
    {
        text = string.Empty;
        var bytes = value.Payload.TrimEnd((byte)0);
        switch (value.Type)
        {
            case DataType.VisibleString:
                text = _texts.Get(bytes, Encoding.Latin1);
                return true;
            case DataType.Utf8String:
                text = _texts.Get(bytes, Encoding.UTF8);
                return true;
            case DataType.OctetString when IsPrintable(bytes):
                text = _texts.Get(bytes, Encoding.ASCII);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The value as it goes into the <c>obis</c> object, scaled when the meter sent a scaler.</summary>
    public CosemValue ToCosemValue(in ListEntry entry)
    {
        var value = entry.Value;
        if (value.TryGetInt64(out var raw))
        {
            return new CosemValue.Number(new Measurement(raw, entry.Scaling?.Scaler ?? 0), entry.Scaling?.Unit);
        }

        switch (value.Type)
        {
            case DataType.NullData:
                return new CosemValue.Null();
            case DataType.Boolean:
                return new CosemValue.Boolean(value.ToBoolean());
            case DataType.Float32 or DataType.Float64
                when Measurement.TryFromDouble(value.ToDouble(), value.Type == DataType.Float32 ? 7 : 15, out var number):
                return new CosemValue.Number(number with { Exponent = number.Exponent + (entry.Scaling?.Scaler ?? 0) }, entry.Scaling?.Unit);
            case DataType.DateTime or DataType.OctetString when value.IsDateTime && LooksLikeTime(value.ToDateTime()):
                return new CosemValue.Time(value.ToDateTime());
        }

        if (TryGetText(value, out var text))
        {
            return new CosemValue.Text(text);
        }

        return new CosemValue.Bytes(value.IsContainer || value.Type is not (DataType.OctetString or DataType.BitString)
            ? entry.Encoded.ToArray()
            : value.Payload.ToArray());
    }

    private static bool LooksLikeTime(CosemDateTime time) => time.TryGetLocalTime(out _);

    /// <summary>Printable ASCII (0x20-0x7E) only; empty counts as printable.</summary>
    internal static bool IsPrintable(ReadOnlySpan<byte> bytes) =>
        bytes.IndexOfAnyExceptInRange((byte)' ', (byte)'~') < 0;

    /// <summary>
    /// Whether a value in <paramref name="unit"/> can go to <paramref name="field"/>, and the decimal
    /// shift that takes it to the field's base unit (a power factor in percent: -2).
    /// </summary>
    internal static bool TryUnitShift(CosemUnit unit, ReadingFieldInfo field, out int shift)
    {
        shift = 0;
        if (unit == field.BaseUnit)
        {
            return true;
        }

        if (field.Quantity == Quantity.PowerFactor)
        {
            // A ratio may be sent unitless (count/other) or in percent.
            shift = unit == CosemUnit.Percent ? -2 : 0;
            return unit is CosemUnit.Count or CosemUnit.Other or CosemUnit.Percent;
        }

        return false;
    }
}
