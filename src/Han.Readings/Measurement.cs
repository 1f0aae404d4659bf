using System.Buffers.Text;
using System.Globalization;

namespace Han.Readings;

/// <summary>
/// An exact decimal number: <see cref="Mantissa"/> × 10^<see cref="Exponent"/>. Registers arrive as
/// integers with a power-of-ten scaler, so this keeps them exact all the way to the output (DESIGN.md
/// §2.2: energy and money are never floating point).
/// </summary>
public readonly record struct Measurement(long Mantissa, int Exponent)
{
    /// <summary>Largest exponent magnitude a meter can state (scalers are signed bytes).</summary>
    private const int MaxExponent = 255;

    /// <summary>Floating-point values beyond 10^±60 are not measurements.</summary>
    private const int MaxFloatExponent = 60;

    public decimal ToDecimal()
    {
        if (Exponent <= 0 && Exponent >= -28)
        {
            var magnitude = Mantissa == long.MinValue ? (ulong)long.MaxValue + 1 : (ulong)Math.Abs(Mantissa);
            return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, Mantissa < 0, (byte)-Exponent);
        }

        return decimal.Parse(ToString(), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A floating-point value from a meter that sends float32/float64, kept to the digits it carries
    /// (float32 has about 7 significant digits, float64 about 15).
    /// </summary>
    public static bool TryFromDouble(double value, int significantDigits, out Measurement measurement)
    {
        measurement = default;
        if (!double.IsFinite(value) || Math.Abs(value) >= 1e18)
        {
            return false;
        }

        var text = value.ToString("E" + (significantDigits - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        var digits = text[..e].Replace(".", string.Empty, StringComparison.Ordinal);
        var exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) - (significantDigits - 1);
        if (Math.Abs(exponent) > MaxFloatExponent)
        {
            // No meter register is that small; keep such a value as raw bytes rather than print 300 zeros.
            return false;
        }

        measurement = new Measurement(long.Parse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture), exponent).Normalized();
        return true;
    }

    /// <summary>The same value with trailing zeros of the mantissa folded into the exponent.</summary>
    public Measurement Normalized()
    {
        var mantissa = Mantissa;
        var exponent = Exponent;
        if (mantissa == 0)
        {
            return new Measurement(0, 0);
        }

        while (mantissa % 10 == 0 && exponent < MaxExponent)
        {
            mantissa /= 10;
            exponent++;
        }

        return new Measurement(mantissa, exponent);
    }

    /// <summary>Plain decimal notation without exponent and without trailing zeros: 233.4, 85823.28, 0.</summary>
    public override string ToString()
    {
        Span<byte> utf8 = stackalloc byte[MaxFormattedLength];
        TryFormat(utf8, out var written);
        return System.Text.Encoding.ASCII.GetString(utf8[..written]);
    }

    /// <summary>Enough for any long with a sign, a point, and an exponent of ±255 spelled out as zeros.</summary>
    public const int MaxFormattedLength = 20 + 2 + MaxExponent + 2;

    /// <summary>Writes <see cref="ToString"/> as ASCII/UTF-8 without allocating (for JSON writers).</summary>
    public bool TryFormat(Span<byte> destination, out int written)
    {
        written = 0;
        var normal = Normalized();
        var negative = normal.Mantissa < 0;
        var magnitude = negative ? (ulong)(-(normal.Mantissa + 1)) + 1 : (ulong)normal.Mantissa;
        Span<byte> digits = stackalloc byte[20];
        if (!Utf8Formatter.TryFormat(magnitude, digits, out var digitCount))
        {
            return false;
        }

        var exponent = normal.Exponent;
        var integerDigits = digitCount + exponent;
        var needed = (negative ? 1 : 0) + (exponent >= 0 ? digitCount + exponent : (integerDigits > 0 ? digitCount + 1 : 2 - integerDigits + digitCount));
        if (destination.Length < needed)
        {
            return false;
        }

        if (negative)
        {
            destination[written++] = (byte)'-';
        }

        if (exponent >= 0)
        {
            digits[..digitCount].CopyTo(destination[written..]);
            written += digitCount;
            destination.Slice(written, exponent).Fill((byte)'0');
            written += exponent;
        }
        else if (integerDigits > 0)
        {
            digits[..integerDigits].CopyTo(destination[written..]);
            written += integerDigits;
            destination[written++] = (byte)'.';
            digits[integerDigits..digitCount].CopyTo(destination[written..]);
            written += digitCount - integerDigits;
        }
        else
        {
            destination[written++] = (byte)'0';
            destination[written++] = (byte)'.';
            destination.Slice(written, -integerDigits).Fill((byte)'0');
            written += -integerDigits;
            digits[..digitCount].CopyTo(destination[written..]);
            written += digitCount;
        }

        return true;
    }
}
