using Han.Protocol.Cosem;

namespace Han.Protocol.Tests.Cosem;

public sealed class CosemDateTimeTests
{
    [Fact]
    public void Read_NetzNoExample_GivesEveryField()
    {
        // protocol.md §5.3: Netz NÖ prints 07E5091B01092F0F00FF8880 as 27.09.2021 09:47:15+02:00.
        var value = CosemDateTime.Read(Bytes.Hex("07E5091B01092F0F00FF8880"));

        Assert.Equal(2021, value.Year);
        Assert.Equal(9, value.Month);
        Assert.Equal(27, value.Day);
        Assert.Equal(1, value.DayOfWeek);
        Assert.Equal(9, value.Hour);
        Assert.Equal(47, value.Minute);
        Assert.Equal(15, value.Second);
        Assert.Equal(0, value.Hundredths);
        Assert.Equal(-120, value.Deviation);
        Assert.Equal(0x80, value.ClockStatus);
    }

    [Fact]
    public void UtcOffset_NetzNoExample_IsPlusTwoHours()
    {
        var value = CosemDateTime.Read(Bytes.Hex("07E5091B01092F0F00FF8880"));

        Assert.Equal(TimeSpan.FromHours(2), value.UtcOffset);
    }

    [Fact]
    public void TryGetLocalTime_NetzNoExample_Is2021_09_27_09_47_15()
    {
        var value = CosemDateTime.Read(Bytes.Hex("07E5091B01092F0F00FF8880"));

        Assert.True(value.TryGetLocalTime(out var local));
        Assert.Equal(new DateTime(2021, 9, 27, 9, 47, 15), local);
        Assert.Equal(DateTimeKind.Unspecified, local.Kind);
    }

    [Fact]
    public void Read_KaifaSpecFrameHeader_HasUnspecifiedDeviationAndHundredths()
    {
        // The date-time of the Kaifa list-1 frame in protocol.md §2.1: 2017-09-12 (Tuesday) 23:18:42.
        var value = CosemDateTime.Read(Bytes.Hex("07 E1 09 0C 02 17 12 2A FF 80 00 00"));

        Assert.Equal(CosemDateTime.DeviationNotSpecified, value.Deviation);
        Assert.Null(value.UtcOffset);
        Assert.Equal(CosemDateTime.NotSpecified, value.Hundredths);
        Assert.True(value.TryGetLocalTime(out var local));
        Assert.Equal(new DateTime(2017, 9, 12, 23, 18, 42), local);
        Assert.Equal(DayOfWeek.Tuesday, local.DayOfWeek);
        Assert.Equal(2, value.DayOfWeek);
    }

    [Fact]
    public void Read_MoreThanTwelveBytes_ReadsTheFirstTwelve()
    {
        var value = CosemDateTime.Read(Bytes.Hex("07E5091B01092F0F00FF8880 AA BB"));

        Assert.Equal(0x80, value.ClockStatus);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void Read_FewerThanTwelveBytes_ThrowsArgumentException(int length)
    {
        Assert.Throws<ArgumentException>(() => CosemDateTime.Read(new byte[length]));
    }

    [Theory]
    [InlineData("FF88", 120)] // CEST: deviation -120 -> UTC+02:00
    [InlineData("FFC4", 60)] // CET: deviation -60 -> UTC+01:00 (Swedish Kaifa in March)
    [InlineData("0000", 0)]
    [InlineData("003C", -60)]
    [InlineData("FD30", 720)] // -720, the lower limit
    [InlineData("02D0", -720)] // +720, the upper limit
    public void UtcOffset_StatedDeviation_IsMinusDeviation(string deviationHex, int offsetMinutes)
    {
        var value = CosemDateTime.Read(Bytes.Hex("07E8 03 0A 07 0C 00 00 00" + deviationHex + "00"));

        Assert.Equal(TimeSpan.FromMinutes(offsetMinutes), value.UtcOffset);
    }

    [Theory]
    [InlineData("8000")] // not specified
    [InlineData("02D1")] // +721: outside -720..+720
    [InlineData("FD2F")] // -721
    public void UtcOffset_UnspecifiedOrOutOfRange_IsNull(string deviationHex)
    {
        var value = CosemDateTime.Read(Bytes.Hex("07E8 03 0A 07 0C 00 00 00" + deviationHex + "00"));

        Assert.Null(value.UtcOffset);
    }

    [Theory]
    [InlineData(0x01, true)]
    [InlineData(0x81, true)] // invalid while DST is active
    [InlineData(0x0F, true)]
    [InlineData(0x00, false)]
    [InlineData(0x80, false)] // DST only
    [InlineData(0x02, false)] // doubtful is not invalid
    [InlineData(0xFF, false)] // not specified is not invalid, although bit 0 is set
    public void IsMarkedInvalid_ClockStatus_FollowsBit0UnlessUnspecified(int status, bool invalid)
    {
        var value = CosemDateTime.Read([.. Bytes.Hex("07E8 03 0A 07 0C 00 00 00 8000"), (byte)status]);

        Assert.Equal(invalid, value.IsMarkedInvalid);
    }

    [Fact]
    public void IsMarkedInvalid_KamstrupDocExample_IsTrue()
    {
        // Kamstrup's own example list: 2000-01-01 22:33:00, status 0x01 (vectors: kamstrup-doc-ex1-list1-3ph).
        var value = CosemDateTime.Read(Bytes.Hex("07D0 01 01 06 16 21 00 FF 8000 01"));

        Assert.True(value.IsMarkedInvalid);
        Assert.True(value.TryGetLocalTime(out var local));
        Assert.Equal(new DateTime(2000, 1, 1, 22, 33, 0), local);
    }

    [Theory]
    [InlineData("FFFF 09 1B 01 09 2F 0F 00")] // year not specified
    [InlineData("0000 09 1B 01 09 2F 0F 00")] // year 0
    [InlineData("07E5 0D 1B 01 09 2F 0F 00")] // month 13
    [InlineData("07E5 00 1B 01 09 2F 0F 00")] // month 0
    [InlineData("07E5 FF 1B 01 09 2F 0F 00")] // month not specified
    [InlineData("07E5 FE 1B 01 09 2F 0F 00")] // DST begin marker
    [InlineData("07E5 FD 1B 01 09 2F 0F 00")] // DST end marker
    [InlineData("07E5 02 1E 01 09 2F 0F 00")] // 30 February
    [InlineData("07E5 02 1D 01 09 2F 0F 00")] // 29 February 2021 (not a leap year)
    [InlineData("07E5 04 1F 01 09 2F 0F 00")] // 31 April
    [InlineData("07E5 09 00 01 09 2F 0F 00")] // day 0
    [InlineData("07E5 09 FE 01 09 2F 0F 00")] // "last day of month"
    [InlineData("07E5 09 FF 01 09 2F 0F 00")] // day not specified
    [InlineData("07E5 09 1B 01 18 2F 0F 00")] // hour 24
    [InlineData("07E5 09 1B 01 FF 2F 0F 00")] // hour not specified
    [InlineData("07E5 09 1B 01 09 3C 0F 00")] // minute 60
    [InlineData("07E5 09 1B 01 09 FF 0F 00")] // minute not specified
    [InlineData("07E5 09 1B 01 09 2F 3C 00")] // second 60
    [InlineData("07E5 09 1B 01 09 2F 0F 64")] // hundredths 100
    public void TryGetLocalTime_NotARealInstant_ReturnsFalse(string firstNineBytes)
    {
        var value = CosemDateTime.Read(Bytes.Hex(firstNineBytes + "8000 00"));

        Assert.False(value.TryGetLocalTime(out var local));
        Assert.Equal(default, local);
    }

    [Theory]
    [InlineData(0x2710)] // 10000
    [InlineData(0xFFFE)]
    public void TryGetLocalTime_YearBeyond9999_ReturnsFalseInsteadOfThrowing(int year)
    {
        // A CRC-valid frame can carry any year; DateTime stops at 9999.
        var value = new CosemDateTime((ushort)year, 1, 1, 0xFF, 0, 0, 0, 0, CosemDateTime.DeviationNotSpecified, 0);

        Assert.False(value.TryGetLocalTime(out _));
    }

    [Fact]
    public void TryGetLocalTime_29FebruaryInLeapYear_Succeeds()
    {
        var value = CosemDateTime.Read(Bytes.Hex("07E4 02 1D 06 00 00 00 00 8000 00"));

        Assert.True(value.TryGetLocalTime(out var local));
        Assert.Equal(new DateTime(2020, 2, 29), local);
    }

    [Fact]
    public void TryGetLocalTime_UnspecifiedSecondsAndHundredths_CountAsZero()
    {
        var value = CosemDateTime.Read(Bytes.Hex("07E5 09 1B 01 09 2F FF FF 8000 FF"));

        Assert.True(value.TryGetLocalTime(out var local));
        Assert.Equal(new DateTime(2021, 9, 27, 9, 47, 0), local);
    }

    [Fact]
    public void TryGetLocalTime_Hundredths_BecomeMilliseconds()
    {
        var value = CosemDateTime.Read(Bytes.Hex("07E5 09 1B 01 09 2F 0F 32 8000 00"));

        Assert.True(value.TryGetLocalTime(out var local));
        Assert.Equal(new DateTime(2021, 9, 27, 9, 47, 15, 500), local);
    }

    [Fact]
    public void TryGetLocalTime_UnspecifiedDayOfWeek_DoesNotMatter()
    {
        // Aidon list 3 sends day-of-week 00 (protocol.md §5.3); the instant is still known.
        var value = CosemDateTime.Read(Bytes.Hex("07E5 09 1B 00 09 2F 0F 00 0000 00"));

        Assert.True(value.TryGetLocalTime(out var local));
        Assert.Equal(new DateTime(2021, 9, 27, 9, 47, 15), local);
    }

    [Fact]
    public void Describe_UnspecifiedFields_AreMarked()
    {
        var text = CosemDateTime.Read(Bytes.Hex("07E5 09 1B FF 09 2F 0F FF 8000 FF")).Describe();

        Assert.Contains("2021-09-27 09:47:15.*", text, StringComparison.Ordinal);
        Assert.Contains("deviation unspecified", text, StringComparison.Ordinal);
        Assert.Contains("status unspecified", text, StringComparison.Ordinal);
    }
}
