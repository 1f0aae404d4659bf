using Han.Simulation.Faults;

namespace Han.Simulation.Tests;

public sealed class FaultPlanTests
{
    [Fact]
    public void Parse_NamesWithAndWithoutRates()
    {
        Assert.True(FaultPlan.TryParse("bad-crc,truncated:0.05,missing-hour:20%", out var plan, out _));

        Assert.Equal(0.01, plan.RateOf(FaultKind.BadCrc));
        Assert.Equal(0.05, plan.RateOf(FaultKind.Truncated));
        Assert.Equal(0.2, plan.RateOf(FaultKind.MissingHour), 10);
        Assert.Equal(0, plan.RateOf(FaultKind.Garbage));
    }

    [Fact]
    public void Parse_All_ThenOneOverridden()
    {
        Assert.True(FaultPlan.TryParse("all,disconnect:0", out var plan, out _));

        Assert.All(Enum.GetValues<FaultKind>().Where(kind => kind != FaultKind.Disconnect), kind => Assert.True(plan.RateOf(kind) > 0));
        Assert.Equal(0, plan.RateOf(FaultKind.Disconnect));
        Assert.Equal("bad-crc:0.01,truncated:0.01,garbage:0.01,missing-hour:0.05,repeated-hour:0.05", plan.ToString());
    }

    [Theory]
    [InlineData("", "--faults: '' is not a fault")]
    [InlineData("bad_crc", "--faults: 'bad_crc' is not a fault; expected a comma-separated list of bad-crc, truncated")]
    [InlineData("garbage:1.5", "--faults: '1.5' is not a rate for garbage; use a fraction from 0 to 1 or a percentage, e.g. garbage:0.05 or garbage:5%.")]
    [InlineData("garbage:150%", "--faults: '150%' is not a rate for garbage")]
    [InlineData("garbage:", "--faults: '' is not a rate for garbage")]
    public void Parse_Bad_SaysWhatIsWrongAndWhatIsValid(string text, string message)
    {
        Assert.False(FaultPlan.TryParse(text, out _, out var error));
        Assert.StartsWith(message, error, StringComparison.Ordinal);
    }
}
