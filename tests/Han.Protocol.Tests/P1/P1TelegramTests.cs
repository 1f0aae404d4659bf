using System.Text;
using Han.Protocol.P1;
using Han.TestCorpus;

namespace Han.Protocol.Tests.P1;

public sealed class P1TelegramTests
{
    private static readonly byte[] Kaifa42 = Vectors.ById("dsmr-nl-v42-kaifa").Input;

    [Fact]
    public void Lines_Kaifa42_AreEveryObjectInOrderWithTheirGroups()
    {
        var telegram = Parse(Kaifa42);

        var lines = new List<string>();
        foreach (var line in telegram.Lines)
        {
            lines.Add($"{line.Obis:S} {line.GroupCount}");
        }

        Assert.Equal(33, lines.Count);
        Assert.Equal("1-3:0.2.8.255 1", lines[0]);
        Assert.Equal("1-0:99.97.0.255 8", lines[12]);
        Assert.Equal("0-1:24.2.1.255 2", lines[^1]);
    }

    [Fact]
    public void Lines_GasReading_ReadsTimestampAndNumberWithUnit()
    {
        var line = Single(Parse(Kaifa42), "0-1:24.2.1");

        Assert.True(line.TryGetTimestamp(0, out var capture));
        Assert.Equal(new P1Timestamp(new DateTime(2016, 11, 29, 20, 0, 0), false), capture);
        Assert.True(line.TryGetNumber(1, out var gas));
        Assert.Equal(981443L, gas.Mantissa);
        Assert.Equal(-3, gas.Exponent);
        Assert.Equal("m3", Encoding.ASCII.GetString(gas.Unit));
        Assert.Equal("0-1:24.2.1(161129200000W)(00981.443*m3)", Encoding.ASCII.GetString(line.Text));
        Assert.Equal("0-1:24.2.1", Encoding.ASCII.GetString(line.Reference));
    }

    [Fact]
    public void Lines_PowerFailureLog_EnumeratesEveryGroup()
    {
        var line = Single(Parse(Kaifa42), "1-0:99.97.0");

        var groups = new List<string>();
        foreach (var group in line.Groups)
        {
            groups.Add(Encoding.ASCII.GetString(group));
        }

        Assert.Equal(["3", "0-0:96.7.19", "000104180320W", "0000237126*s", "000101000001W", "2147583646*s", "000102000003W", "2317482647*s"], groups);
        Assert.False(line.TryGetGroup(8, out _));
        Assert.False(line.TryGetGroup(-1, out _));
    }

    [Fact]
    public void Lines_Dsmr22GasValueOnTheNextLine_BelongsToTheObjectBefore()
    {
        var telegram = Parse(Vectors.ById("dsmr-nl-v22").Input);

        var line = Single(telegram, "0-1:24.3.0");

        Assert.Equal(7, line.GroupCount);
        Assert.True(line.TryGetGroup(6, out var gas));
        Assert.Equal("00001.001", Encoding.ASCII.GetString(gas));
        Assert.True(line.TryGetGroup(5, out var unit));
        Assert.Equal("m3", Encoding.ASCII.GetString(unit));
        var lines = telegram.Lines;
        while (lines.MoveNext())
        {
        }

        Assert.Equal(0, lines.MalformedLines);
    }

    [Fact]
    public void Lines_EasyMeterReferencesWithStarF_ReadGroupF()
    {
        // The gateway appends lines and 0xFF filler after the bare '!': keep the telegram only.
        var input = Vectors.ById("dsmr-de-easymeter-q3d").Input;
        var telegram = Parse(input[..(Array.IndexOf(input, (byte)'!') + 1)]);

        var codes = new List<string>();
        foreach (var line in telegram.Lines)
        {
            codes.Add(line.Obis.ToString());
        }

        Assert.Equal(9, codes.Count);
        Assert.Equal("1.0.1.8.0.255", codes[1]);
        Assert.Equal("0.0.96.1.255.255", codes[^1]);
    }

    [Fact]
    public void Lines_MalformedLines_AreSkippedAndCountedAndTheOthersRead()
    {
        var input = P1TelegramBuilder.Build("KAM5", [
            "1-0:1.7.0(0000.714*kW)",
            "1-0:4:24.7.0(0000.000*kVAr)", // not an OBIS reference
            "1-0:1.8.0(00004996.909*kWh", // unbalanced
            "garbage",
            "1-0:32.7.0(234.9*V)x", // text after the last group
            "1-0:2.7.0((0))", // nested
            "1-0:31.7.0(001.3*A)",
        ]);
        Assert.True(P1Telegram.TryParse(input, 1000, verifyCrc: true, out var telegram, out _));

        var codes = new List<string>();
        var lines = telegram.Lines;
        while (lines.MoveNext())
        {
            codes.Add(lines.Current.Obis.ToString());
        }

        Assert.Equal(["1.0.1.7.0.255", "1.0.31.7.0.255"], codes);
        Assert.Equal(5, lines.MalformedLines);
        Assert.Equal(1000 + "/KAM5\r\n\r\n1-0:1.7.0(0000.714*kW)\r\n".Length, lines.FirstMalformedOffset);
    }

    [Theory]
    [InlineData("1-0:1.8.1*255(5)", "1.0.1.8.1.255", 1)]
    [InlineData("1-0:1.8.1.7(5)", "1.0.1.8.1.7", 1)]
    [InlineData("1-0:1.8.1(5) \t(6)", "1.0.1.8.1.255", 2)]
    [InlineData("1-0:1.8.1()", "1.0.1.8.1.255", 1)]
    [InlineData("1-0:1.8.1.(5)", null, 0)]
    [InlineData("1-0:1.8.1*(5)", null, 0)]
    [InlineData("1-0:1.8.1 (5)", null, 0)]
    [InlineData("1-0:1.8.1000(5)", null, 0)]
    [InlineData("1-0:1.8.256(5)", null, 0)]
    [InlineData("1-0:1.8(5)", null, 0)]
    [InlineData("1-0:1.8.1.7.8(5)", null, 0)]
    [InlineData("1-0:1.8.1.7*8(5)", null, 0)]
    [InlineData("1-0:1.8.1(5\r6)", null, 0)]
    [InlineData("1-0:1.8.1(5)(6", null, 0)]
    [InlineData("1-0:1.8.1(5)x(6)", null, 0)]
    [InlineData("1-0:1.8.1", null, 0)]
    public void Lines_ReferenceAndGroups_AreReadOrTheLineIsMalformed(string line, string? code, int groupCount)
    {
        var input = P1TelegramBuilder.Build("KAM5", ["1-0:1.7.0(1*kW)", line, "1-0:2.7.0(2*kW)"]);
        Assert.True(P1Telegram.TryParse(input, 0, verifyCrc: true, out var telegram, out _));

        var found = new List<(string Code, int Groups)>();
        var lines = telegram.Lines;
        while (lines.MoveNext())
        {
            found.Add((lines.Current.Obis.ToString(), lines.Current.GroupCount));
        }

        List<(string, int)> expected = code is null
            ? [("1.0.1.7.0.255", 1), ("1.0.2.7.0.255", 1)]
            : [("1.0.1.7.0.255", 1), (code, groupCount), ("1.0.2.7.0.255", 1)];
        Assert.Equal(expected, found);
        Assert.Equal(code is null ? 1 : 0, lines.MalformedLines);
    }

    [Fact]
    public void Lines_OrphanContinuationLine_IsMalformed()
    {
        var input = P1TelegramBuilder.Build("KAM5", ["(123)", "1-0:1.7.0(1*kW)"], newline: "\n");
        Assert.True(P1Telegram.TryParse(input, 0, verifyCrc: true, out var telegram, out _));

        var lines = telegram.Lines;
        Assert.True(lines.MoveNext());
        Assert.Equal("1.0.1.7.0.255", lines.Current.Obis.ToString());
        Assert.Equal(1, lines.MalformedLines);
        Assert.Equal("/KAM5\n\n(123)\n".Length, lines.Current.Offset);
    }

    [Fact]
    public void TryParse_SpecExample_RefusesThePrintedCrcUnlessAskedNotToCheck()
    {
        var input = Vectors.ById("dsmr-nl-spec-5.0.2-example").Input;

        Assert.False(P1Telegram.TryParse(input, 0, verifyCrc: true, out _, out var problem));
        Assert.Equal(DecodeError.BadCrc, problem);
        Assert.True(P1Telegram.TryParse(input, 0, verifyCrc: false, out var telegram, out _));
        Assert.Equal(0xEF2F, telegram.Crc);
        Assert.Equal("ISk", Encoding.ASCII.GetString(telegram.FlagId));
    }

    [Theory]
    [InlineData("KFM5KAIFA-METER\r\n\r\n1-3:0.2.8(42)\r\n", DecodeError.Truncated)] // no '!'
    [InlineData("12\r\n\r\n!", DecodeError.InvalidLine)] // no FLAG id
    [InlineData("KFM5\r\n\r\n!12345", DecodeError.BadCrc)] // five digits
    [InlineData("KFM5\r\n\r\n!0000 x", DecodeError.BadCrc)] // text after the checksum
    public void TryParse_Malformed_SaysWhy(string afterSlash, DecodeError expected)
    {
        var input = Encoding.ASCII.GetBytes("/" + afterSlash);

        Assert.False(P1Telegram.TryParse(input, 0, verifyCrc: false, out _, out var problem));
        Assert.Equal(expected, problem);
    }

    [Fact]
    public void Lines_ReferenceWithStarF_ReadsThatGroupF()
    {
        var telegram = Parse(P1TelegramBuilder.Build("ESY5", ["1-0:1.8.1*7(000123.456*kWh)", "1-0:1.8.1(000001.000*kWh)"]));

        var codes = new List<string>();
        foreach (var line in telegram.Lines)
        {
            codes.Add(line.Obis.ToString());
        }

        Assert.Equal(["1.0.1.8.1.7", "1.0.1.8.1.255"], codes);
    }

    private static P1Telegram Parse(byte[] input)
    {
        Assert.True(P1Telegram.TryParse(input, 0, verifyCrc: true, out var telegram, out var problem), problem.ToString());
        return telegram;
    }

    private static P1Line Single(P1Telegram telegram, string reference)
    {
        var found = 0;
        P1Line match = default;
        foreach (var line in telegram.Lines)
        {
            if (Encoding.ASCII.GetString(line.Reference) == reference)
            {
                match = line;
                found++;
            }
        }

        Assert.Equal(1, found);
        return match;
    }
}
