using Han.Protocol.Dlms;
using Han.Protocol.Hdlc;
using Han.TestCorpus;

namespace Han.Protocol.Tests.Dlms;

public sealed class DataNotificationTests
{
    private const string DateTime12 = "07E5091B01092F0F00FF8880";

    [Fact]
    public void Parse_DateTimeAbsent00_BodyStartsAtOffset6()
    {
        var apdu = Bytes.Hex("0F 40 00 00 00 00 01 01 11 05");

        var notification = DataNotification.Parse(apdu);

        Assert.Equal(DateTimeEncoding.Absent, notification.DateTimeEncoding);
        Assert.Null(notification.DateTime);
        Assert.Equal(6, notification.BodyOffset);
        Assert.Equal(Bytes.Hex("01 01 11 05"), notification.Body.ToArray());
    }

    [Fact]
    public void Parse_DateTimeWithLength0C_BodyStartsAtOffset18()
    {
        var apdu = Bytes.Hex("0F 00 00 00 00 0C" + DateTime12 + "02 01 11 05");

        var notification = DataNotification.Parse(apdu);

        Assert.Equal(DateTimeEncoding.Length, notification.DateTimeEncoding);
        Assert.Equal(18, notification.BodyOffset);
        Assert.Equal(Bytes.Hex("02 01 11 05"), notification.Body.ToArray());
        AssertNetzNoExample(notification);
    }

    [Fact]
    public void Parse_DateTimeAsOctetString090C_BodyStartsAtOffset19()
    {
        var apdu = Bytes.Hex("0F 40 00 00 00 09 0C" + DateTime12 + "02 01 11 05");

        var notification = DataNotification.Parse(apdu);

        Assert.Equal(DateTimeEncoding.OctetString, notification.DateTimeEncoding);
        Assert.Equal(19, notification.BodyOffset);
        Assert.Equal(Bytes.Hex("02 01 11 05"), notification.Body.ToArray());
        AssertNetzNoExample(notification);
    }

    [Fact]
    public void Parse_DateTimeWithTag19_BodyStartsAtOffset18()
    {
        var apdu = Bytes.Hex("0F 40 00 00 00 19" + DateTime12 + "02 01 11 05");

        var notification = DataNotification.Parse(apdu);

        Assert.Equal(DateTimeEncoding.DateTimeTag, notification.DateTimeEncoding);
        Assert.Equal(18, notification.BodyOffset);
        Assert.Equal(Bytes.Hex("02 01 11 05"), notification.Body.ToArray());
        AssertNetzNoExample(notification);
    }

    [Fact]
    public void Parse_EmptyOctetString0900_IsAbsentAndBodyStartsAtOffset7()
    {
        var apdu = Bytes.Hex("0F 40 00 00 00 09 00 02 01 11 05");

        var notification = DataNotification.Parse(apdu);

        Assert.Null(notification.DateTime);
        Assert.Equal(7, notification.BodyOffset);
        Assert.Equal(Bytes.Hex("02 01 11 05"), notification.Body.ToArray());
    }

    [Fact]
    public void Parse_InvokeIdAndPriority_IsBigEndian()
    {
        // Netz NÖ Kaifa sends a running invoke id, e.g. 80 06 87 0E (protocol.md §4.2).
        var notification = DataNotification.Parse(Bytes.Hex("0F 80 06 87 0E 00 11 01"));

        Assert.Equal(0x8006870Eu, notification.InvokeIdAndPriority);
    }

    [Fact]
    public void Parse_Apdu_KeepsTheWholeApduIncludingTag()
    {
        var apdu = Bytes.Hex("0F 40 00 00 00 00 11 01");

        var notification = DataNotification.Parse(apdu);

        Assert.Equal(apdu, notification.Apdu.ToArray());
    }

    [Theory]
    [InlineData("0F 40 00 00 00 05 11 01", 5)]
    [InlineData("0F 40 00 00 00 0B 11 01", 5)]
    [InlineData("0F 40 00 00 00 FF 11 01", 5)]
    [InlineData("0F 40 00 00 00 09 05 01 02 03 04 05 11 01", 6)] // octet-string of 5: not a date-time
    [InlineData("0F 40 00 00 00 09 0D 07 E5 09 1B 01 09 2F 0F 00 FF 88 80 00 11 01", 6)]
    public void Parse_DateTimeFieldNotOneOfTheFourEncodings_ThrowsInvalidDateTime(string hex, int offset)
    {
        var error = ParseError(Bytes.Hex(hex));

        Assert.Equal(DecodeError.InvalidDateTime, error.Error);
        Assert.Equal(DecodeLayer.Dlms, error.Layer);
        Assert.Equal(offset, error.Offset);
    }

    [Theory]
    [InlineData("0F")]
    [InlineData("0F 40 00 00")]
    [InlineData("0F 40 00 00 00")] // no date-time byte
    [InlineData("0F 40 00 00 00 09")] // octet-string tag without its length
    [InlineData("0F 40 00 00 00 0C 07 E5 09 1B 01 09 2F 0F 00 FF 88")] // date-time 11 of 12 bytes
    [InlineData("0F 40 00 00 00 09 0C 07 E5 09 1B")]
    [InlineData("0F 40 00 00 00 19 07 E5")]
    [InlineData("0F 40 00 00 00 00")] // no body
    [InlineData("0F 40 00 00 00 09 00")] // no body after an empty date-time
    [InlineData("0F 40 00 00 00 0C 07 E5 09 1B 01 09 2F 0F 00 FF 88 80")] // no body after the date-time
    public void Parse_CutShort_ThrowsUnexpectedEnd(string hex)
    {
        var error = ParseError(Bytes.Hex(hex));

        Assert.Equal(DecodeError.UnexpectedEnd, error.Error);
        Assert.Equal(DecodeLayer.Dlms, error.Layer);
    }

    [Theory]
    [InlineData("DB 08 4B 46 4D")]
    [InlineData("E0 40 00 01")]
    [InlineData("")]
    public void Parse_NotADataNotification_ThrowsUnsupportedApdu(string hex)
    {
        var error = ParseError(Bytes.Hex(hex));

        Assert.Equal(DecodeError.UnsupportedApdu, error.Error);
    }

    [Fact]
    public void Parse_KamstrupDocExample_HasLengthPrefixedDateTimeMarkedInvalid()
    {
        // Kamstrup sends 0C + 12 bytes without the 09 tag; its doc example is 2000-01-01 22:33:00, status 0x01.
        var notification = DataNotification.Parse(ApduOfFrame("kamstrup-doc-ex1-list1-3ph"));

        Assert.Equal(DateTimeEncoding.Length, notification.DateTimeEncoding);
        Assert.Equal(18, notification.BodyOffset);
        Assert.Equal(0u, notification.InvokeIdAndPriority);
        var time = notification.DateTime!.Value;
        Assert.True(time.TryGetLocalTime(out var local));
        Assert.Equal(new DateTime(2000, 1, 1, 22, 33, 0), local);
        Assert.True(time.IsMarkedInvalid);
        Assert.Equal(0x02, notification.Body[0]); // a structure ...
        Assert.Equal(0x19, notification.Body[1]); // ... of 25 elements
    }

    [Fact]
    public void Parse_NorwegianKaifaFrame_HasOctetStringDateTime()
    {
        // Kaifa list 1: 09 0C + 12 bytes, 2020-02-15 01:25:34, body structure { double-long-unsigned 0x157E }.
        var notification = DataNotification.Parse(ApduOfFrame("amshan-hdlc-kaifa-list1-0x7E-in-info"));

        Assert.Equal(DateTimeEncoding.OctetString, notification.DateTimeEncoding);
        Assert.Equal(19, notification.BodyOffset);
        Assert.Equal(0x40000000u, notification.InvokeIdAndPriority);
        Assert.True(notification.DateTime!.Value.TryGetLocalTime(out var local));
        Assert.Equal(new DateTime(2020, 2, 15, 1, 25, 34), local);
        Assert.Equal(Bytes.Hex("02 01 06 00 00 15 7E"), notification.Body.ToArray());
    }

    [Fact]
    public void Parse_AidonFrame_HasNoDateTimeAndAnArrayBody()
    {
        var notification = DataNotification.Parse(ApduOfFrame("aidon-no-doc-list2-1ph"));

        Assert.Equal(DateTimeEncoding.Absent, notification.DateTimeEncoding);
        Assert.Null(notification.DateTime);
        Assert.Equal(6, notification.BodyOffset);
        Assert.Equal(0x01, notification.Body[0]); // array of 9 (the doc lists 9 items)
        Assert.Equal(0x09, notification.Body[1]);
    }

    [Fact]
    public void Parse_VorarlbergKaifaApdu_HasRunningInvokeIdAndCestOffset()
    {
        // protocol.md §4.2: Vorarlberg Kaifa invoke id 00 2A 3C B4; date-time 0C + 12 with deviation FF 88.
        var notification = DataNotification.Parse(Vectors.ById("amsreader-kaifa-at-gh539-4-apdu").Input);

        Assert.Equal(0x002A3CB4u, notification.InvokeIdAndPriority);
        Assert.Equal(DateTimeEncoding.Length, notification.DateTimeEncoding);
        Assert.Equal(TimeSpan.FromHours(2), notification.DateTime!.Value.UtcOffset);
    }

    private static void AssertNetzNoExample(DataNotification notification)
    {
        var time = Assert.NotNull(notification.DateTime);
        Assert.True(time.TryGetLocalTime(out var local));
        Assert.Equal(new DateTime(2021, 9, 27, 9, 47, 15), local);
        Assert.Equal(TimeSpan.FromHours(2), time.UtcOffset);
    }

    private static byte[] ApduOfFrame(string id)
    {
        var wire = Vectors.ById(id).Input;
        Assert.True(HdlcFrame.TryParse(wire.AsSpan(1, wire.Length - 2), 0, out var frame, out var problem), problem.ToString());
        Assert.True(Llc.HasHeader(frame.Information));
        return Llc.Strip(frame.Information).ToArray();
    }

    private static DecodeException ParseError(byte[] apdu) =>
        Assert.Throws<DecodeException>(() => DataNotification.Parse(apdu));
}
