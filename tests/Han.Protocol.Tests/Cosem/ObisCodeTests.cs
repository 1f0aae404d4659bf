using Han.Protocol.Cosem;

namespace Han.Protocol.Tests.Cosem;

public sealed class ObisCodeTests
{
    private static readonly ObisCode ActivePowerImport = new(1, 0, 1, 7, 0, 255);

    [Theory]
    [InlineData("1.0.1.7.0.255")]
    [InlineData("1-0:1.7.0.255")]
    [InlineData("1-0:1.7.0")]
    [InlineData(" 1.0.1.7.0.255 ")]
    public void Parse_EachAcceptedForm_GivesTheSixGroups(string text)
    {
        var code = ObisCode.Parse(text);

        Assert.Equal((1, 0, 1, 7, 0, 255), (code.A, code.B, code.C, code.D, code.E, code.F));
    }

    [Fact]
    public void TryParse_StandardFormWithoutF_DefaultsFTo255()
    {
        Assert.True(ObisCode.TryParse("0-0:96.1.0", out var code));

        Assert.Equal(new ObisCode(0, 0, 96, 1, 0, 255), code);
    }

    [Fact]
    public void TryParse_AllGroupsAtTheirLimits_Succeeds()
    {
        Assert.True(ObisCode.TryParse("255.255.255.255.255.255", out var high));
        Assert.True(ObisCode.TryParse("0-0:0.0.0.0", out var low));

        Assert.Equal(new ObisCode(255, 255, 255, 255, 255, 255), high);
        Assert.Equal(new ObisCode(0, 0, 0, 0, 0, 0), low);
    }

    [Theory]
    [InlineData("256.0.1.7.0.255")]
    [InlineData("1.0.1.7.0.256")]
    [InlineData("1-0:1.7.0.1000")]
    [InlineData("1-300:1.7.0.255")]
    [InlineData("1.0.1.7.0")]
    [InlineData("1.0.1.7.0.255.1")]
    [InlineData("1-0:1.7")]
    [InlineData("1-0:1.7.0.255.1")]
    [InlineData("1,0,1,7,0,255")]
    [InlineData("1:0-1.7.0.255")]
    [InlineData("1-0-1.7.0.255")]
    [InlineData("1-0:1:7.0.255")]
    [InlineData("1-0.1.7.0.255")]
    [InlineData("-0:1.7.0.255")]
    [InlineData("1-:1.7.0.255")]
    [InlineData("1.0.1.7..255")]
    [InlineData("1.0.1.7.0.-1")]
    [InlineData("1.0.1.7.0.+5")]
    [InlineData("a.b.c.d.e.f")]
    [InlineData("1.0.1.7.0.255x")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void TryParse_Malformed_ReturnsFalse(string? text)
    {
        Assert.False(ObisCode.TryParse(text, out var code));
        Assert.Equal(default, code);
    }

    [Theory]
    [InlineData("1.0.1.7.0.256")]
    [InlineData("1.0.1.7.0")]
    [InlineData("")]
    public void Parse_Malformed_ThrowsFormatException(string text)
    {
        Assert.Throws<FormatException>(() => ObisCode.Parse(text));
    }

    [Fact]
    public void ToString_Default_IsDottedJsonKeyForm()
    {
        Assert.Equal("1.0.1.7.0.255", ActivePowerImport.ToString());
        Assert.Equal("1.0.1.7.0.255", ActivePowerImport.ToString(null, null));
        Assert.Equal("1.0.1.7.0.255", ActivePowerImport.ToString("D", null));
    }

    [Fact]
    public void ToString_FormatS_IsStandardForm()
    {
        Assert.Equal("1-0:1.7.0.255", ActivePowerImport.ToString("S", null));
        Assert.Equal("0-0:96.1.0.255", new ObisCode(0, 0, 96, 1, 0, 255).ToString("s", null));
    }

    [Fact]
    public void Interpolation_WithAndWithoutFormat_UsesTheSameForms()
    {
        Assert.Equal("1-0:1.7.0.255 1.0.1.7.0.255", $"{ActivePowerImport:S} {ActivePowerImport}");
    }

    [Fact]
    public void TryFormat_DestinationTooSmall_ReturnsFalse()
    {
        Span<char> small = stackalloc char[5];

        Assert.False(ActivePowerImport.TryFormat(small, out _, "S", null));
    }

    [Fact]
    public void TryFormat_EnoughRoom_WritesExactCharacters()
    {
        Span<char> buffer = stackalloc char[32];

        Assert.True(ActivePowerImport.TryFormat(buffer, out var written, "S", null));
        Assert.Equal("1-0:1.7.0.255", buffer[..written].ToString());
        Assert.True(ActivePowerImport.TryFormat(buffer, out written, default, null));
        Assert.Equal("1.0.1.7.0.255", buffer[..written].ToString());
    }

    [Theory]
    [InlineData(1, 0, 1, 7, 0, 255)]
    [InlineData(0, 0, 96, 1, 0, 255)]
    [InlineData(255, 254, 253, 0, 1, 2)]
    public void ToString_BothForms_ParseBackToTheSameCode(int a, int b, int c, int d, int e, int f)
    {
        var code = new ObisCode((byte)a, (byte)b, (byte)c, (byte)d, (byte)e, (byte)f);

        Assert.Equal(code, ObisCode.Parse(code.ToString()));
        Assert.Equal(code, ObisCode.Parse(code.ToString("S", null)));
    }

    [Fact]
    public void FromBytes_WireOctets_GiveGroupsInOrder()
    {
        // As it appears after 09 06 in a push list (protocol.md §6.2).
        var code = ObisCode.FromBytes([0x01, 0x00, 0x01, 0x07, 0x00, 0xFF]);

        Assert.Equal(ActivePowerImport, code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(7)]
    public void FromBytes_NotSixBytes_ThrowsArgumentException(int length)
    {
        Assert.Throws<ArgumentException>(() => ObisCode.FromBytes(new byte[length]));
    }

    [Fact]
    public void Packed_AInTheTopByte_FInTheLowest()
    {
        Assert.Equal(0x0100_0107_00FFUL, ActivePowerImport.Packed);
        Assert.Equal(ActivePowerImport, ObisCode.FromPacked(0x0100_0107_00FFUL));
    }

    [Fact]
    public void FromPacked_MoreThan48Bits_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ObisCode.FromPacked(1UL << 48));
    }

    [Fact]
    public void Equality_SameGroupsFromDifferentSources_AreEqual()
    {
        var parsed = ObisCode.Parse("1-0:1.7.0.255");

        Assert.True(parsed == ActivePowerImport);
        Assert.False(parsed != ActivePowerImport);
        Assert.True(parsed.Equals(ActivePowerImport));
        Assert.True(parsed.Equals((object)ActivePowerImport));
        Assert.Equal(ActivePowerImport.GetHashCode(), parsed.GetHashCode());
    }

    [Theory]
    [InlineData(2, 0, 1, 7, 0, 255)]
    [InlineData(1, 1, 1, 7, 0, 255)]
    [InlineData(1, 0, 2, 7, 0, 255)]
    [InlineData(1, 0, 1, 8, 0, 255)]
    [InlineData(1, 0, 1, 7, 1, 255)]
    [InlineData(1, 0, 1, 7, 0, 254)]
    public void Equality_AnyGroupDifferent_AreNotEqual(int a, int b, int c, int d, int e, int f)
    {
        var other = new ObisCode((byte)a, (byte)b, (byte)c, (byte)d, (byte)e, (byte)f);

        Assert.NotEqual(ActivePowerImport, other);
        Assert.True(ActivePowerImport != other);
    }

    [Fact]
    public void Equals_OtherType_IsFalse()
    {
        Assert.False(ActivePowerImport.Equals("1.0.1.7.0.255"));
        Assert.False(ActivePowerImport.Equals(null));
    }

    [Fact]
    public void CompareTo_EarlierGroupsWeighMore()
    {
        var low = new ObisCode(0, 255, 255, 255, 255, 255);
        var high = new ObisCode(1, 0, 0, 0, 0, 0);

        Assert.True(low.CompareTo(high) < 0);
        Assert.True(high.CompareTo(low) > 0);
        Assert.Equal(0, high.CompareTo(new ObisCode(1, 0, 0, 0, 0, 0)));
        Assert.True(low < high);
        Assert.True(high > low);
        Assert.True(low <= high && high >= low);
        Assert.True(high <= new ObisCode(1, 0, 0, 0, 0, 0));
        Assert.False(high < new ObisCode(1, 0, 0, 0, 0, 0));
    }

    [Fact]
    public void Sort_MixedCodes_OrdersGroupByGroup()
    {
        ObisCode[] codes =
        [
            ObisCode.Parse("1.0.32.7.0.255"),
            ObisCode.Parse("0.0.96.1.0.255"),
            ObisCode.Parse("1.0.1.8.0.255"),
            ObisCode.Parse("1.0.1.7.0.255"),
            ObisCode.Parse("1.1.0.0.0.0"),
        ];

        var sorted = codes.Order().Select(c => c.ToString()).ToArray();

        Assert.Equal(["0.0.96.1.0.255", "1.0.1.7.0.255", "1.0.1.8.0.255", "1.0.32.7.0.255", "1.1.0.0.0.0"], sorted);
    }
}
