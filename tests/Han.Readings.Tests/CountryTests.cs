using Han.Readings.Profiles;

namespace Han.Readings.Tests;

/// <summary>--country takes any ISO 3166 alpha-2 code; markets without vendor rules read each vendor's defaults.</summary>
public sealed class CountryTests
{
    [Theory]
    [InlineData("CZ")]
    [InlineData("HU")]
    [InlineData("lt")]
    [InlineData(" ie ")]
    [InlineData("CY")]
    public void TryParse_AnyAssignedCode_IsAccepted(string text)
    {
        Assert.True(Country.TryParse(text, out var country));
        Assert.Equal(text.Trim().ToUpperInvariant(), country.Code);
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("UK")]
    [InlineData("NOR")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_NotAnAssignedCode_IsRefused(string? text)
    {
        Assert.False(Country.TryParse(text, out _));
    }

    [Fact]
    public void Parse_NotACode_SaysWhatWouldBeValid()
    {
        var problem = Assert.Throws<ArgumentException>(() => Country.Parse("XX"));

        Assert.Contains("'XX' is not an ISO 3166-1 alpha-2 country code", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ImplicitScaling_MarketWithoutRules_IsTheVendorsDefault()
    {
        var hungary = Country.Parse("HU");

        foreach (var quantity in Enum.GetValues<Quantity>())
        {
            Assert.Equal(Kamstrup.Profile.ImplicitScaling(quantity, Country.Norway), Kamstrup.Profile.ImplicitScaling(quantity, hungary));
        }

        Assert.NotEqual(Kamstrup.Profile.ImplicitScaling(Quantity.ActiveEnergy, Country.Norway), Kamstrup.Profile.ImplicitScaling(Quantity.ActiveEnergy, Country.Parse("SE")));
    }

    [Fact]
    public void MarketsWithOwnRules_NameSweden()
    {
        Assert.Contains("SE", ProfileCatalog.MarketsWithOwnRules);
    }
}
