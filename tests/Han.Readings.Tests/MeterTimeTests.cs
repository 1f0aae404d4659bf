using Han.Protocol.Diagnostics;
using Han.Protocol.Dlms;
using Han.Protocol.Hdlc;
using Han.TestCorpus;

namespace Han.Readings.Tests;

/// <summary>
/// meter_time is the clock object's value when a list has both it and a header date-time (issue 12
/// point 5); the header's date-time stays visible in the hex and tree views.
/// </summary>
public sealed class MeterTimeTests
{
    // The real Kamstrup list 2 sends its header date-time and its clock object 0-1:1.0.0 with the same value.
    private const string HeaderTime = "07E50B1904170037FF800000"; // 2021-11-25 23:00:55
    private const string ClockObject = "09060001010000FF090C" + HeaderTime;

    [Fact]
    public void Decode_ListWithHeaderTimeAndAnotherClockObject_TakesTheClockObject()
    {
        // A sibling of the real frame whose clock object says 23:01:02, re-sealed with fresh checksums.
        var frame = SiblingWithClock("07E50B1904170102FF800000");

        var reading = Decode(frame);

        Assert.Equal("2021-11-25T23:01:02", reading.MeterTime.ToString());
        Assert.DoesNotContain(reading.Other, value => value.Code.ToString() == "0.1.1.0.0.255");
    }

    [Fact]
    public void Annotate_ListWithBothTimes_StillShowsTheHeaderTime()
    {
        var frame = SiblingWithClock("07E50B1904170102FF800000");

        var labels = FrameAnnotator.AnnotateHdlc(frame).Select(annotation => annotation.Label).ToList();

        Assert.Contains(labels, label => label.StartsWith("date-time", StringComparison.Ordinal) && label.Contains("23:00:55", StringComparison.Ordinal));
    }

    [Fact]
    public void Decode_ClockObjectMarkedInvalid_KeepsTheHeaderTimeAndTheClockInObis()
    {
        // Clock status 0x01 (invalid value): the header's time stays, the clock object travels in obis.
        var frame = SiblingWithClock("07E50B1904170102FF800001");

        var reading = Decode(frame);

        Assert.Equal("2021-11-25T23:00:55", reading.MeterTime.ToString());
        Assert.Contains(reading.Other, value => value.Code.ToString() == "0.1.1.0.0.255");
    }

    private static byte[] SiblingWithClock(string clockHex)
    {
        var real = Vectors.ById("amsreader-kamstrup-no-em001-1-list2").Input;
        var information = Convert.ToHexString(HdlcFrameBuilder.InformationOf(real));
        Assert.Contains(ClockObject, information, StringComparison.Ordinal);
        var changed = information.Replace(ClockObject, ClockObject[..^HeaderTime.Length] + clockHex, StringComparison.Ordinal);
        return HdlcFrameBuilder.WithInformation(real, Convert.FromHexString(changed));
    }

    private static MeterReading Decode(byte[] frame) =>
        new ReadingDecoder(Country.Norway).Decode(DataNotification.Parse(Llc.Strip(HdlcFrameBuilder.InformationOf(frame))));
}
