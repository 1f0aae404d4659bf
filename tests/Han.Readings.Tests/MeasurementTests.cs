using System.Globalization;
using System.Text;

namespace Han.Readings.Tests;

public sealed class MeasurementTests
{
    [Theory]
    [InlineData(8582328L, -2, "85823.28")]
    [InlineData(2330L, -1, "233")]
    [InlineData(2334L, -1, "233.4")]
    [InlineData(0L, -3, "0")]
    [InlineData(-51L, -1, "-5.1")]
    [InlineData(5L, -3, "0.005")]
    [InlineData(12L, 2, "1200")]
    [InlineData(403233L, -3, "403.233")]
    [InlineData(long.MinValue, 0, "-9223372036854775808")]
    [InlineData(long.MaxValue, -19, "0.9223372036854775807")]
    public void ToString_ScaledInteger_PrintsExactDecimalWithoutTrailingZeros(long mantissa, int exponent, string expected)
    {
        var measurement = new Measurement(mantissa, exponent);

        Assert.Equal(expected, measurement.ToString());
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), measurement.ToDecimal());
    }

    [Fact]
    public void TryFormat_MatchesToStringForManyValues()
    {
        var random = new Random(5);
        Span<byte> buffer = stackalloc byte[Measurement.MaxFormattedLength];
        for (var i = 0; i < 10_000; i++)
        {
            // Kept within decimal's range so the expectation can be computed independently.
            var measurement = new Measurement(random.NextInt64(-999_999_999_999, 999_999_999_999) >> random.Next(40), random.Next(-16, 12));

            Assert.True(measurement.TryFormat(buffer, out var written));
            var text = Encoding.ASCII.GetString(buffer[..written]);
            var exact = decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            var expected = measurement.Mantissa * Pow10(measurement.Exponent);
            Assert.Equal(expected, exact);
        }
    }

    [Fact]
    public void TryFormat_BufferTooSmall_ReturnsFalse()
    {
        Span<byte> buffer = stackalloc byte[3];

        Assert.False(new Measurement(123456, -2).TryFormat(buffer, out _));
    }

    [Theory]
    [InlineData(230.1f, 7, "230.1")]
    [InlineData(0.001f, 7, "0.001")]
    [InlineData(-49.99, 15, "-49.99")]
    public void TryFromDouble_KeepsTheDigitsTheMeterSent(double value, int digits, string expected)
    {
        Assert.True(Measurement.TryFromDouble(value, digits, out var measurement));
        Assert.Equal(expected, measurement.ToString());
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1e-300)]
    [InlineData(1e30)]
    public void TryFromDouble_NotAMeasurement_ReturnsFalse(double value)
    {
        Assert.False(Measurement.TryFromDouble(value, 15, out _));
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < Math.Abs(exponent); i++)
        {
            result = exponent > 0 ? result * 10 : result / 10;
        }

        return result;
    }
}
