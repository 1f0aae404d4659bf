using Han.Protocol.Diagnostics;
using Han.TestCorpus;

namespace Han.Protocol.Tests.Diagnostics;

public sealed class FrameAnnotatorTests
{
    /// <summary>protocol.md §2.1.</summary>
    private static readonly byte[] Kaifa = Bytes.Hex(
        "7E A0 27 01 02 01 10 5A 87 E6 E7 00 0F 40 00 00 00 09 0C 07 E1 09 0C 02 17 12 2A FF 80 00 00 02 01 06 00 00 05 28 B8 0C 7E");

    public static TheoryData<string> FrameVectors() =>
        [.. Vectors.All.Where(c => c.Kind is "hdlc" or "hdlc-stream").Select(c => c.Id)];

    public static TheoryData<string> LlcVectors() => [.. Vectors.All.Where(c => c.Kind == "llc").Select(c => c.Id)];

    public static TheoryData<string> ApduVectors() => [.. Vectors.All.Where(c => c.Kind == "apdu").Select(c => c.Id)];

    /// <summary>APDUs that pass a frame's checksum but do not decode, or decode only in part.</summary>
    public static TheoryData<string> MalformedApdus() =>
    [
        "0F 40 00 00 00 00 02 02 09 85 00 00 00 00 00", // length prefix 0x85
        "0F 40 00 00 00 00 02 02 09 80 00 00", // length prefix 0x80
        "0F 40 00 00 00 00 02 02 11 01 06 00 00", // value cut short
        "0F 40 00 00 00 00 02 02 11 01 09 82 01", // length field cut short
        "0F 40 00 00 00 00 02 02 01 01 00", // the data ends where the second member should start
        "0F 40 00 00 00 00 02 01 07 00", // unknown tag
        "0F 40 00 00 00 00 01 05 11 01", // count beyond the data
        "0F 40 00 00 00 00 04 11 FF", // bit-string short of its bytes
        "0F 40 00 00 00 00 13 02 02 11 07 01 00", // compact-array with an unknown type
        "0F 40 00 00 00 00 13 01 00", // compact-array description cut short
        "0F 40 00 00 00 00 11 01 11 02", // trailing bytes after the body
        "0F 40 00 00 00 05 11 01", // invalid date-time encoding
        "0F 40 00 00 00 0C 07 E5 09", // date-time cut short
        "0F 40 00", // header cut short
        "0F 40 00 00 00 00", // no body
        "0F 40 00 00 00 00 09 0C 27 10 01 01 FF 00 00 00 00 80 00 00", // 12-byte octet-string dated year 10000
        "0F 40 00 00 00 00 09 0C FF FF FF FF FF FF FF FF FF FF FF FF", // 12-byte octet-string all unspecified
        "0F 40 00 00 00 00 19 FF FF FF FF FF FF FF FF FF FF FF FF", // date-time element all unspecified
        "0F 40 00 00 00 00 16 FF", // enum that is no unit
        "0F 40 00 00 00 00 0A 03 FF FE 00", // visible-string with non-ASCII bytes
        "0F 40 00 00 00 00 0C 02 C3 28", // invalid UTF-8
        "0F 40 00 00 00 00 02 03 1A 07 E5 09 1B 01 1B 09 2F 0F 00 0D 99", // date, time, bcd
        "0F 40 00 00 00 00 02 02 15 FF FF FF FF FF FF FF FF 18 7F F8 00 00 00 00 00 00", // uint64 max, NaN
        "0F 40 00 00 00 00 13 11 03 01 02 03", // a good compact-array
        "DB 08 4B 46 4D 10 20 02 98 02 30 00 00 00 01 AA BB", // ciphered
        "E0 40 00 01 00 00 05 0F 40 00 00 00", // general-block-transfer
        "C4 01", // some other APDU
        "DB", // a ciphered APDU that is only its tag
    ];

    [Fact]
    public void AnnotateHdlc_KaifaSpecFrame_CoversEveryByteOnceInOrder()
    {
        var annotations = FrameAnnotator.AnnotateHdlc(Kaifa);

        AssertCoversExactly(annotations, Kaifa.Length);
    }

    [Fact]
    public void AnnotateHdlc_KaifaSpecFrame_NamesFlagsChecksumsAndFields()
    {
        var annotations = FrameAnnotator.AnnotateHdlc(Kaifa);

        Assert.Equal("flag", annotations[0].Label);
        Assert.Equal((0, 1), (annotations[0].Offset, annotations[0].Length));
        Assert.Equal("flag", annotations[^1].Label);
        Assert.Equal((40, 1), (annotations[^1].Offset, annotations[^1].Length));
        Assert.StartsWith("HCS", At(annotations, 7).Label, StringComparison.Ordinal);
        Assert.Equal(2, At(annotations, 7).Length);
        Assert.Contains("875A", At(annotations, 7).Label, StringComparison.Ordinal);
        Assert.StartsWith("FCS", At(annotations, 38).Label, StringComparison.Ordinal);
        Assert.Equal(2, At(annotations, 38).Length);
        Assert.Contains("0CB8", At(annotations, 38).Label, StringComparison.Ordinal);
        Assert.Contains("LLC", At(annotations, 9).Label, StringComparison.Ordinal);
        Assert.Contains("destination", At(annotations, 3).Label, StringComparison.Ordinal);
        Assert.Contains("source", At(annotations, 4).Label, StringComparison.Ordinal);
        Assert.Equal(2, At(annotations, 4).Length); // source 02 01
        Assert.Contains("control", At(annotations, 6).Label, StringComparison.Ordinal);

        // 06 00 00 05 28: double-long-unsigned 1320 (the active power of this list-1 frame).
        var value = At(annotations, 34);
        Assert.Equal(4, value.Length);
        Assert.Contains("1320", value.Label, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(FrameVectors))]
    public void AnnotateHdlc_EveryGoodFrameInTheCorpus_CoversEveryByteOnceWithFlagsAndChecksums(string id)
    {
        foreach (var frame in FrameReaderHarness.ReadSpans(Vectors.ById(id).Input).Frames)
        {
            byte[] wire = [0x7E, .. frame.Body, 0x7E];

            var annotations = FrameAnnotator.AnnotateHdlc(wire);

            AssertCoversExactly(annotations, wire.Length);
            Assert.Equal("flag", annotations[0].Label);
            Assert.Equal("flag", annotations[^1].Label);
            Assert.StartsWith("FCS", annotations[^2].Label, StringComparison.Ordinal);
            Assert.Equal(wire.Length - 3, annotations[^2].Offset);
            Assert.Contains(annotations, a => a.Label.StartsWith("HCS", StringComparison.Ordinal) && a.Length == 2);
        }
    }

    [Theory]
    [MemberData(nameof(LlcVectors))]
    public void AnnotateInformation_CorpusInformationField_CoversEveryByteOnce(string id)
    {
        var information = Vectors.ById(id).Input;

        var annotations = FrameAnnotator.AnnotateInformation(information);

        AssertCoversExactly(annotations, information.Length);
        Assert.Contains("LLC", annotations[0].Label, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ApduVectors))]
    public void AnnotateApdu_CorpusApdu_CoversEveryByteOnce(string id)
    {
        var apdu = Vectors.ById(id).Input;

        AssertCoversExactly(FrameAnnotator.AnnotateApdu(apdu), apdu.Length);
    }

    [Theory]
    [InlineData("0A 05 1B 5B 32 4A 07", "visible-string \"\\x1B[2J\\x07\"")] // ESC [2J, BEL
    [InlineData("0A 04 0D 0A 7F 9B", "visible-string \"\\x0D\\x0A\\x7F\\x9B\"")] // CR LF DEL, CSI (Latin-1 0x9B)
    [InlineData("0C 05 61 E2 80 AE 62", "utf8-string \"a\\u202Eb\"")] // right-to-left override
    [InlineData("09 04 4B 46 00 4D", "octet-string \"KF\\x00M\"")] // printable but for a NUL
    public void AnnotateApdu_StringWithControlCharacters_ShowsThemEscaped(string value, string treeLine)
    {
        var apdu = Bytes.Hex("0F 40 00 00 00 00 " + value);

        var annotations = FrameAnnotator.AnnotateApdu(apdu);

        Assert.Contains(annotations, a => a.TreeLine == treeLine);
        Assert.All(annotations, a => Assert.DoesNotContain(a.Label + a.TreeLine, PrintableText.IsUnsafe));
    }

    [Theory]
    [MemberData(nameof(MalformedApdus))]
    public void AnnotateApdu_MalformedApdu_DoesNotThrowAndCoversEveryByteOnce(string hex)
    {
        var apdu = Bytes.Hex(hex);

        var annotations = FrameAnnotator.AnnotateApdu(apdu);

        AssertCoversExactly(annotations, apdu.Length);
    }

    [Theory]
    [MemberData(nameof(MalformedApdus))]
    public void AnnotateHdlc_GoodFrameCarryingMalformedApdu_DoesNotThrowAndCoversEveryByteOnce(string hex)
    {
        var wire = HdlcFrameBuilder.Push([.. HdlcFrameBuilder.LlcResponse, .. Bytes.Hex(hex)]);

        var annotations = FrameAnnotator.AnnotateHdlc(wire);

        AssertCoversExactly(annotations, wire.Length);
    }

    [Fact]
    public void AnnotateApdu_NestedFarTooDeep_DoesNotThrow()
    {
        var nested = Enumerable.Repeat<byte[]>([0x01, 0x01], 10_000).SelectMany(b => b);
        byte[] apdu = [0x0F, 0x40, 0x00, 0x00, 0x00, 0x00, .. nested, 0x00];

        var annotations = FrameAnnotator.AnnotateApdu(apdu);

        Assert.Contains(annotations, a => a.Label.Contains("cannot decode", StringComparison.Ordinal));
        AssertCoversExactly(annotations, apdu.Length);
    }

    [Fact]
    public void AnnotateApdu_CutShortCipheredApdu_SaysItDoesNotDecode()
    {
        var annotations = FrameAnnotator.AnnotateApdu(Bytes.Hex("DB 08 4B 46 4D 10 20 02 98 02 30"));

        var only = Assert.Single(annotations);
        Assert.Contains("does not decode", only.Label, StringComparison.Ordinal);
    }

    [Fact]
    public void AnnotateHdlc_CipheredFrame_NamesEveryFieldOfTheSecurityHeader()
    {
        var wire = Vectors.ById("amsreader-lg-at-gh501-2-encrypted").Input;

        var annotations = FrameAnnotator.AnnotateHdlc(wire);

        var labels = string.Join("\n", annotations.Select(a => a.Label));
        Assert.Contains("system title 4C475A6772A9A111 (manufacturer LGZ)", labels, StringComparison.Ordinal);
        Assert.Contains("security control 0x30 (suite 0, authenticated, encrypted)", labels, StringComparison.Ordinal);
        Assert.Contains("authentication tag (GCM, 12 bytes)", labels, StringComparison.Ordinal);
        var covered = annotations.Sum(a => a.Length);
        Assert.Equal(wire.Length, covered);
    }

    [Theory]
    [InlineData("hassams-kaifa-bad-fcs")]
    [InlineData("hassams-kaifa-truncated-8-bytes")]
    [InlineData("amsreader-kamstrup-dk-gh111-1-encrypted")]
    public void AnnotateHdlc_NotAGoodFrame_GivesOneAnnotationOverEverything(string id)
    {
        var wire = Vectors.ById(id).Input;

        var annotation = Assert.Single(FrameAnnotator.AnnotateHdlc(wire));

        Assert.Equal((0, wire.Length), (annotation.Offset, annotation.Length));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(8)]
    public void AnnotateHdlc_TooShortForAFrame_DoesNotThrow(int length)
    {
        var annotations = FrameAnnotator.AnnotateHdlc(Kaifa.AsSpan(0, length));

        var annotation = Assert.Single(annotations);
        Assert.Equal(length, annotation.Length);
    }

    [Fact]
    public void AnnotateHdlc_FirstSegment_CoversEveryByteAndSaysItIsASegment()
    {
        var wire = Vectors.ById("amsreader-iskra-hr-gh1072-1-hdlc-segment1").Input;

        var annotations = FrameAnnotator.AnnotateHdlc(wire);

        AssertCoversExactly(annotations, wire.Length);
        Assert.Contains(annotations, a => a.Label.Contains("segment", StringComparison.Ordinal));
    }

    [Fact]
    public void AnnotateHdlc_ContinuationSegment_CoversEveryByteAsSegmentData()
    {
        var wire = HdlcFrameBuilder.Push(Bytes.Hex("06 00 00 43 62 01 01 12 24 B8"));

        var annotations = FrameAnnotator.AnnotateHdlc(HdlcFrameBuilder.Push(Bytes.Hex("06 00 00 43 62 01 01 12 24 B8"), segmented: true));

        AssertCoversExactly(annotations, wire.Length);
        Assert.Contains(annotations, a => a.Label.StartsWith("segment data", StringComparison.Ordinal) && a.Length == 10);
    }

    [Fact]
    public void AnnotateHdlc_FrameWithoutInformation_CoversEveryByteWithoutHcs()
    {
        var wire = HdlcFrameBuilder.Build([0x41], [0x03], 0x93, []);

        var annotations = FrameAnnotator.AnnotateHdlc(wire);

        AssertCoversExactly(annotations, wire.Length);
        Assert.DoesNotContain(annotations, a => a.Label.StartsWith("HCS", StringComparison.Ordinal));
        Assert.StartsWith("FCS", annotations[^2].Label, StringComparison.Ordinal);
    }

    /// <summary>
    /// The hex view's promise: annotations in order, each starting where the last ended, ending at the last
    /// byte. Only a problem report may be empty (data that ends where an element was expected).
    /// </summary>
    internal static void AssertCoversExactly(IReadOnlyList<Annotation> annotations, int length)
    {
        var expected = 0;
        foreach (var annotation in annotations)
        {
            Assert.True(annotation.Offset == expected, $"annotation '{annotation.Label}' starts at {annotation.Offset}, expected {expected}");
            var isProblem = annotation.Label.StartsWith("cannot decode", StringComparison.Ordinal)
                || annotation.Label.StartsWith("encrypted", StringComparison.Ordinal)
                || annotation.Label.StartsWith("content not decoded", StringComparison.Ordinal);
            Assert.True(annotation.Length > 0 || (annotation.Length == 0 && isProblem), $"annotation '{annotation.Label}' at {annotation.Offset} has length {annotation.Length}");
            expected += annotation.Length;
        }

        Assert.Equal(length, expected);
    }

    private static Annotation At(IReadOnlyList<Annotation> annotations, int offset) =>
        annotations.Single(a => a.Offset == offset);
}
