using Han.Sources.Serial;

namespace Han.Sources.Tests.Serial;

public sealed class LineSettingsCandidatesTests
{
    /// <summary>Issue 8 names these; each is a candidate, once, with who uses it.</summary>
    [Fact]
    public void All_HoldsEverySettingIssue8Lists_OnceWithItsSource()
    {
        string[] listed = ["2400 8E1", "2400 8N1", "2400 8O1", "9600 8N1", "115200 8N1", "115200 7E1", "1200 8E1", "9600 7E1"];

        Assert.Subset(LineSettingsCandidates.All.Select(c => c.ToString()).ToHashSet(), listed.ToHashSet());
        Assert.Equal(LineSettingsCandidates.All.Count, LineSettingsCandidates.All.Select(c => c.Settings).Distinct().Count());
        Assert.All(LineSettingsCandidates.All, c => Assert.False(string.IsNullOrWhiteSpace(c.UsedBy)));
    }

    /// <summary>The order the detection relies on (see <see cref="LineSettingsCandidates"/>).</summary>
    [Theory]
    [InlineData("2400 8E1", "2400 8N1")]
    [InlineData("2400 8N1", "115200 8N1")]
    [InlineData("2400 8E1", "2400 8O1")]
    [InlineData("115200 8N1", "115200 7E1")]
    [InlineData("115200 8N1", "115200 8E1")]
    [InlineData("9600 8N1", "9600 7E1")]
    public void All_TriesTheFirstBeforeTheSecond(string first, string second)
    {
        var order = LineSettingsCandidates.All.Select(c => c.ToString()).ToList();

        Assert.True(order.IndexOf(first) < order.IndexOf(second), $"{first} before {second}");
    }

    [Fact]
    public void StartingWith_ACandidate_MovesItToTheFront()
    {
        var ordered = LineSettingsCandidates.StartingWith(LineSettingsCandidates.All, LineSettings.Parse("9600 7E1"));

        Assert.Equal("9600 7E1", ordered[0].ToString());
        Assert.Contains("DSMR 2.2", ordered[0].UsedBy, StringComparison.Ordinal);
        Assert.Equal(LineSettingsCandidates.All.Count, ordered.Count);
    }

    [Fact]
    public void StartingWith_ASettingNoMeterIsKnownFor_AddsItInFront()
    {
        var ordered = LineSettingsCandidates.StartingWith(LineSettingsCandidates.All, LineSettings.Parse("4800 8E1"));

        Assert.Equal("4800 8E1", ordered[0].ToString());
        Assert.Equal(LineSettingsCandidates.All.Count + 1, ordered.Count);
        Assert.Same(LineSettingsCandidates.All, LineSettingsCandidates.StartingWith(LineSettingsCandidates.All, null));
    }
}
