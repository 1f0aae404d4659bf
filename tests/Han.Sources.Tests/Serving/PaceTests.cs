using Han.Sources.Serving;

namespace Han.Sources.Tests.Serving;

/// <summary><c>--speed N|max</c> of han simulate and han replay.</summary>
public sealed class PaceTests
{
    [Theory]
    [InlineData("max", null)]
    [InlineData("1", 1.0)]
    [InlineData("3600", 3600.0)]
    [InlineData("0.5", 0.5)]
    public void TryParse_MaxOrAPositiveNumber_IsRead(string text, double? speed)
    {
        Assert.True(Pace.TryParse(text, out var pace, out _));
        Assert.Equal(speed, pace.Speed);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("fast")]
    [InlineData("")]
    public void TryParse_AnythingElse_IsRefusedWithWhatIsValid(string text)
    {
        Assert.False(Pace.TryParse(text, out _, out var error));
        Assert.Contains($"--speed: '{text}'", error, StringComparison.Ordinal);
        Assert.Contains("max", error, StringComparison.Ordinal);
    }

    [Fact]
    public void RealTimeFor_TenTimesFaster_TakesATenth()
    {
        Assert.Equal(TimeSpan.FromSeconds(6), new Pace(10).RealTimeFor(TimeSpan.FromMinutes(1)));
        Assert.Equal(TimeSpan.Zero, Pace.Max.RealTimeFor(TimeSpan.FromDays(30)));
    }
}
