namespace Han.Protocol.Tests;

/// <summary>The JSON names of layers and errors are a contract (DESIGN.md §2.1).</summary>
public sealed class DecodeErrorNamesTests
{
    [Fact]
    public void Name_EveryLayer_IsTheContractName()
    {
        Assert.Equal(["hdlc", "mbus", "p1", "dlms", "axdr", "profile"], Enum.GetValues<DecodeLayer>().Select(layer => layer.Name()));
    }

    [Theory]
    [InlineData(DecodeError.BadFcs, "bad_fcs")]
    [InlineData(DecodeError.MissingClosingFlag, "missing_closing_flag")]
    [InlineData(DecodeError.Encrypted, "encrypted")]
    [InlineData(DecodeError.ReplayedFrameCounter, "replayed_frame_counter")]
    [InlineData(DecodeError.UnknownLayout, "unknown_layout")]
    public void Name_Error_IsSnakeCase(DecodeError error, string expected)
    {
        Assert.Equal(expected, error.Name());
    }

    [Fact]
    public void Name_EveryError_IsDistinctLowerCaseSnakeCase()
    {
        var names = Enum.GetValues<DecodeError>().Select(error => error.Name()).ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(names, name => Assert.Matches("^[a-z0-9]+(_[a-z0-9]+)*$", name));
    }
}
