using System.Text;
using System.Text.Json;
using Han.Sources.Live;
using Han.Sources.Mqtt;
using Han.TestCorpus;

namespace Han.Sources.Tests.Mqtt;

/// <summary>
/// Each form other HAN readers publish (integrations.md §3) is recognised from the payload, and what
/// the classifier hands on decodes to the values the corpus states for the real frame it came from.
/// </summary>
public sealed class PayloadClassifierTests
{
    /// <summary>The verified Tibber Pulse list-1 example from a Kaifa (integrations.md §3.2): 4406 W.</summary>
    private const string PulseKaifaList1 = "7ea027010201105a87e6e7000f40000000090c07e60c1a0109280cff80000002010600001136513a7e";

    public static TheoryData<string> NorwegianFrames() => [.. Vectors.Norwegian.Where(c => c.Kind == "hdlc" && c.ExpectReadings == 1).Select(c => c.Id)];

    public static TheoryData<string> BareMessages() => [.. Vectors.All.Where(c => c.Kind is "llc" or "apdu" && c.ExpectReadings == 1 && c.KeyHex is null).Select(c => c.Id)];

    public static TheoryData<string> Telegrams() => [.. Vectors.All.Where(c => c.Kind == "dsmr" && c.ExpectReadings == 1).Select(c => c.Id)];

    [Theory]
    [MemberData(nameof(NorwegianFrames))]
    public void Classify_BinaryFrame_IsHdlcAndDecodesToTheStatedValues(string id)
    {
        var vector = Vectors.ById(id);

        var classified = PayloadClassifier.Classify(vector.Input);

        Assert.Equal(PayloadForm.HdlcFrames, classified.Form);
        Assert.Equal(vector.Input, classified.Bytes.ToArray());
        AssertStatedValues(vector, classified);
    }

    [Theory]
    [MemberData(nameof(NorwegianFrames))]
    public void Classify_FrameAsUpperHexText_IsHdlcHexAndDecodesToTheStatedValues(string id)
    {
        var vector = Vectors.ById(id);

        var classified = PayloadClassifier.Classify(Encoding.ASCII.GetBytes(vector.InputHex.ToUpperInvariant()));

        Assert.Equal(PayloadForm.HdlcHex, classified.Form);
        AssertStatedValues(vector, classified);
    }

    [Fact]
    public void Classify_LowerCaseHexWithSpacesAndLineEnd_IsHdlcHex()
    {
        var spaced = string.Join(' ', Enumerable.Range(0, PulseKaifaList1.Length / 2).Select(i => PulseKaifaList1.Substring(i * 2, 2))) + "\n";

        var classified = PayloadClassifier.Classify(Encoding.ASCII.GetBytes(spaced));

        Assert.Equal(PayloadForm.HdlcHex, classified.Form);
        Assert.Equal(4406m, OneReading(classified).GetProperty("active_power_import").GetDecimal());
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public void Classify_FrameWithoutAFlag_GetsItBackAndDecodes(bool opening, bool closing)
    {
        var frame = Convert.FromHexString(PulseKaifaList1);
        var payload = frame[(opening ? 0 : 1)..(closing ? frame.Length : frame.Length - 1)];

        var classified = PayloadClassifier.Classify(payload);

        Assert.Equal(PayloadForm.HdlcFrames, classified.Form);
        Assert.Equal(frame, classified.Bytes.ToArray());
        Assert.Equal(4406m, OneReading(classified).GetProperty("active_power_import").GetDecimal());
    }

    [Theory]
    [MemberData(nameof(BareMessages))]
    public void Classify_BareApduOrLlcMessage_IsApduAndDecodesToTheStatedValues(string id)
    {
        var vector = Vectors.ById(id);

        var binary = PayloadClassifier.Classify(vector.Input);
        var hex = PayloadClassifier.Classify(Encoding.ASCII.GetBytes(vector.InputHex));

        Assert.Equal((PayloadForm.Apdu, PayloadForm.Apdu), (binary.Form, hex.Form));
        AssertStatedValues(vector, binary);
        AssertStatedValues(vector, hex);
    }

    [Fact]
    public void Classify_KaifaList1DataElement_IsDataElementOf570Watts()
    {
        // amsreader 2.1.14-2.2 publishes the notification body only (integrations.md §3.3).
        var classified = PayloadClassifier.Classify("0201060000023A"u8);

        Assert.Equal(PayloadForm.DataElement, classified.Form);
        Assert.Equal(570m, OneReading(classified).GetProperty("active_power_import").GetDecimal());
    }

    [Fact]
    public void Classify_KamstrupDataElementAsHex_DecodesToTheStatedValuesButTheClock()
    {
        var vector = Vectors.ById("amshan-kamstrup-no-list2-1ph-real");
        var body = DataElementOf(vector.Input);

        var classified = PayloadClassifier.Classify(Encoding.ASCII.GetBytes(Convert.ToHexString(body)));

        Assert.Equal(PayloadForm.DataElement, classified.Form);
        var reading = OneReading(classified);
        var mismatches = ExpectedValues.Mismatches(vector with { Expected = vector.Expected.Where(e => e.Key != "meter_time").ToDictionary() }, reading);
        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    [Theory]
    [MemberData(nameof(Telegrams))]
    public void Classify_P1Telegram_IsP1AndDecodesToTheStatedValues(string id)
    {
        var vector = Vectors.ById(id);

        var classified = PayloadClassifier.Classify(vector.Input);

        Assert.Equal(PayloadForm.P1Telegram, classified.Form);
        AssertStatedValues(vector, classified);
    }

    [Fact]
    public void Classify_TelegramWithJunkBeforeItAndCrNulLineEnds_IsRepairedAndDecodes()
    {
        // An ESP P1 gateway's payload seen in amshan-HA#29: "7\r\0/KAM5\r\0..." (integrations.md §3.5).
        var vector = Vectors.ById("amsreader-kamstrup-p1-gh699-1");
        var text = Encoding.ASCII.GetString(vector.Input).TrimStart('\r', '\n');
        var mangled = Encoding.ASCII.GetBytes("7\r\0" + text.Replace("\r\n", "\r\0", StringComparison.Ordinal));

        var classified = PayloadClassifier.Classify(mangled);

        Assert.Equal(PayloadForm.P1Telegram, classified.Form);
        AssertStatedValues(vector, classified);
    }

    [Fact]
    public void Classify_PulseEnvelopeAroundAFrame_FindsTheFrame()
    {
        var frame = Convert.FromHexString(PulseKaifaList1);
        byte[] envelope = [0x08, 0xDC, 0xD9, 0x02, 0x18, 0x01, 0x12, 0x7E, 0x09, .. frame, 0x20, 0xC0, 0x05, 0x7E];

        var classified = PayloadClassifier.Classify(envelope);

        Assert.Equal(PayloadForm.FramesInEnvelope, classified.Form);
        Assert.Equal(frame, classified.Bytes.ToArray());
    }

    [Fact]
    public void Classify_PulseEnvelopeWithoutAWholeFrame_IsABatchedEnvelopeToSkip()
    {
        byte[] envelope = [0x08, 0xDC, 0xD9, 0x02, 0x18, 0x01, 0x12, 0x30, 0x09, 0x11, 0x22, 0x7E, 0xA0, 0x27, 0x00, 0x00, 0xFF, 0xFF];

        var classified = PayloadClassifier.Classify(envelope);

        Assert.Equal(PayloadForm.BatchedEnvelope, classified.Form);
        Assert.False(classified.IsDecoded);
    }

    [Theory]
    [InlineData("{\"status\":{\"hwmodel\":\"TLC01\",\"Build\":\"1.0.8\"}}", PayloadForm.Json)]
    [InlineData("  [1,2]", PayloadForm.Json)]
    [InlineData("Debug: Unknown command 'x'", PayloadForm.DebugText)]
    [InlineData("", PayloadForm.Empty)]
    [InlineData("\r\n", PayloadForm.Empty)]
    [InlineData("hello", PayloadForm.Unrecognised)]
    [InlineData("ABC", PayloadForm.Unrecognised)]
    public void Classify_TextThatIsNoFrame_IsSkipped(string text, PayloadForm form)
    {
        var classified = PayloadClassifier.Classify(Encoding.UTF8.GetBytes(text));

        Assert.Equal(form, classified.Form);
        Assert.False(classified.IsDecoded);
        Assert.True(classified.Bytes.IsEmpty);
    }

    [Fact]
    public void Classify_BinaryNoise_IsUnrecognised()
    {
        Assert.Equal(PayloadForm.Unrecognised, PayloadClassifier.Classify([0x55, 0x10, 0x99, 0x80, 0x00]).Form);
    }

    [Fact]
    public void HdlcEnvelopeWrap_AnyApdu_MakesAFrameTheDecoderAccepts()
    {
        var apdu = Convert.FromHexString(PulseKaifaList1)[12..^3]; // the data-notification inside the Pulse's frame

        var frame = HdlcEnvelope.Wrap(apdu);

        using var decoded = new DecodedReadings();
        decoded.Add(new ReceivedChunk(frame, DateTimeOffset.UnixEpoch, WholeMessage: true));
        Assert.Equal((1L, 0L), (decoded.Counters.Framing.Frames, decoded.Counters.Framing.ChecksumErrors));
        Assert.Equal(4406m, Assert.Single(decoded.Readings).GetProperty("active_power_import").GetDecimal());
    }

    /// <summary>The A-XDR body of an LLC-headed data-notification: after E6 E7 00, the tag, the invoke id and the date-time.</summary>
    private static byte[] DataElementOf(byte[] llcMessage)
    {
        var dateTime = 3 + 1 + 4;
        var bodyStart = llcMessage[dateTime] == 0x09 ? dateTime + 2 + llcMessage[dateTime + 1] : llcMessage[dateTime] == 0x0C ? dateTime + 13 : dateTime + 1;
        return llcMessage[bodyStart..];
    }

    private static JsonElement OneReading(ClassifiedPayload classified)
    {
        using var decoded = new DecodedReadings();
        decoded.Add(new ReceivedChunk(classified.Bytes, DateTimeOffset.UnixEpoch, WholeMessage: true));
        return Assert.Single(decoded.Readings);
    }

    private static void AssertStatedValues(VectorCase vector, ClassifiedPayload classified)
    {
        using var decoded = new DecodedReadings(vector.Country);
        decoded.Add(new ReceivedChunk(classified.Bytes, DateTimeOffset.UnixEpoch, WholeMessage: true));
        var reading = Assert.Single(decoded.Readings);
        var mismatches = ExpectedValues.Mismatches(vector, reading);
        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches) + Environment.NewLine + reading);
    }
}
