using System.Text;
using Han.Pricing;

namespace Han.Pricing.Tests;

public class RateBookTests
{
    [Fact]
    public void Default_EveryRow_NamesItsSource() =>
        Assert.All(NorwayRates.Default.Rows, r => Assert.False(string.IsNullOrWhiteSpace(r.Source)));

    [Theory]
    [InlineData("2024-03-31", 9.51)]
    [InlineData("2024-04-01", 16.44)]
    [InlineData("2025-03-31", 9.79)]
    [InlineData("2025-09-30", 16.93)]
    [InlineData("2025-10-01", 12.53)]
    [InlineData("2026-01-01", 7.13)]
    [InlineData("2026-12-31", 7.13)]
    public void On_Elavgift_IsThePricingSpecsRateForTheDay(string day, double ore) =>
        Assert.Equal((decimal)ore, NorwayRates.Default.On(NorwayRates.Elavgift, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)).Value);

    [Fact]
    public void On_Norgespris2028_SaysWhatToDo()
    {
        var error = Assert.Throws<ArgumentException>(() => NorwayRates.Default.On(NorwayRates.Norgespris, new DateOnly(2028, 1, 1)));

        Assert.Contains("norgespris", error.Message, StringComparison.Ordinal);
        Assert.Contains("2028-01-01", error.Message, StringComparison.Ordinal);
        Assert.Contains("setting", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_Norgespris2027WithLevelSetting_UsesTheSetting()
    {
        var hours = Oslo.Hours(new DateOnly(2027, 1, 4), new DateOnly(2027, 1, 5)).Select(h => new TestHour(h.Utc, h.Local, 1m, 0.9m)).ToList();
        var settings = Scenario.Settings(SupportScheme.Norgespris) with { NorgesprisOrePerKwh = 42m };

        var report = Scenario.Run(settings, new CostPeriod(new DateOnly(2027, 1, 4), new DateOnly(2027, 1, 5)), hours);

        Assert.Equal(24m * (0.42m - 0.9m) * 1.25m, report.Line(LineKind.Norgespris).ExactAmount);
    }

    [Fact]
    public void Read_OverlappingRows_AreRefused()
    {
        const string json = """
            {"country": "XX", "rates": [
              {"name": "tax", "from": "2025-01-01", "value": 1, "unit": "øre/kWh", "source": "a"},
              {"name": "tax", "from": "2025-06-01", "value": 2, "unit": "øre/kWh", "source": "b"}]}
            """;

        var error = Assert.Throws<ArgumentException>(() => RateBookReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json))));

        Assert.Contains("overlap", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RowWithoutSource_IsRefused()
    {
        const string json = """{"country": "XX", "rates": [{"name": "tax", "from": "2025-01-01", "value": 1, "unit": "øre/kWh"}]}""";

        var error = Assert.Throws<FormatException>(() => RateBookReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json))));

        Assert.Contains("\"source\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DecimalValue_KeepsEveryDigit()
    {
        const string json = """{"country": "XX", "rates": [{"name": "tax", "from": "2025-01-01", "to": "2026-01-01", "value": 12.345678901234567890123, "unit": "x", "source": "s", "assumed": true}]}""";

        var row = RateBookReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json))).On("tax", new DateOnly(2025, 5, 5));

        Assert.Equal(12.345678901234567890123m, row.Value);
        Assert.True(row.Assumed);
        Assert.Equal(new DateOnly(2026, 1, 1), row.To);
    }
}
