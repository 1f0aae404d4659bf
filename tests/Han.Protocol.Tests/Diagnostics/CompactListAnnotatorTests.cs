using Han.Protocol.Diagnostics;
using Han.TestCorpus;

namespace Han.Protocol.Tests.Diagnostics;

/// <summary>
/// The hex and tree views of a Czech compact-descriptor list (issue 12): every element, not only the
/// first, is shown with its class id, OBIS code, attribute and value.
/// </summary>
public sealed class CompactListAnnotatorTests
{
    [Fact]
    public void AnnotateApdu_EgdCompactList_ShowsEveryElementWithItsDescriptorAndValue()
    {
        var apdu = Vectors.ById(CompactListExample.CaseId).Input;

        var annotations = FrameAnnotator.AnnotateApdu(apdu);

        FrameAnnotatorTests.AssertCoversExactly(annotations, apdu.Length);
        Assert.DoesNotContain(annotations, a => a.Label.StartsWith("cannot decode", StringComparison.Ordinal));
        var lines = annotations.Where(a => a.TreeLine is not null).Select(a => a.TreeLine!).ToList();
        Assert.Equal(["structure of 2 members", "enum 1", "array of 27 elements"], lines.Skip(3).Take(3));
        var elements = lines.Skip(6).ToList();
        Assert.Equal(CompactListExample.Elements.SelectMany(e => new[] { e.Descriptor, e.TreeValue }), elements);
    }

    [Fact]
    public void AnnotateApdu_EgdCompactList_NamesTheUntaggedDescriptorFieldsByteByByte()
    {
        var apdu = Vectors.ById(CompactListExample.CaseId).Input;

        var annotations = FrameAnnotator.AnnotateApdu(apdu);

        // The last element starts 02 02 00 01 00 00 60 0D 00 FF 02, then its value 09 00.
        var last = apdu.Length - 13;
        Assert.Equal((2, "structure of 2 members (descriptor, value); the descriptor's fields carry no tags"), Describe(annotations, last));
        Assert.Equal((2, "class id 1 (data), no tag"), Describe(annotations, last + 2));
        Assert.Equal((6, "OBIS 0.0.96.13.0.255, no tag"), Describe(annotations, last + 4));
        Assert.Equal((1, "attribute 2, no tag"), Describe(annotations, last + 10));
        Assert.Equal((1, "tag 0x09: octet-string"), Describe(annotations, last + 11));
    }

    [Fact]
    public void AnnotateHdlc_SiblingCompactListInAFrame_ShowsItsOwnValues()
    {
        // The spec example with 1.7.0 = 2345 W and 1.8.0 = 12345678 Wh, sent in an HDLC frame.
        var text = Vectors.ById(CompactListExample.CaseId).InputHex
            .Replace("0100010700FF020600000003", "0100010700FF020600000929", StringComparison.Ordinal)
            .Replace("0100010800FF020600000008", "0100010800FF020600BC614E", StringComparison.Ordinal);
        var wire = HdlcFrameBuilder.Push([.. HdlcFrameBuilder.LlcResponse, .. Convert.FromHexString(text)]);

        var annotations = FrameAnnotator.AnnotateHdlc(wire);

        FrameAnnotatorTests.AssertCoversExactly(annotations, wire.Length);
        var lines = annotations.Where(a => a.TreeLine is not null).Select(a => a.TreeLine!).ToList();
        var power = lines.IndexOf("class 3 (register), OBIS 1.0.1.7.0.255, attribute 2");
        Assert.Equal("double-long-unsigned 2345", lines[power + 1]);
        var energy = lines.IndexOf("class 3 (register), OBIS 1.0.1.8.0.255, attribute 2");
        Assert.Equal("double-long-unsigned 12345678", lines[energy + 1]);
        Assert.Equal(27, lines.Count(l => l.StartsWith("class ", StringComparison.Ordinal)));
    }

    [Fact]
    public void AnnotateApdu_CompactListCutShort_ShowsWhatItCanAndCoversEveryByte()
    {
        var apdu = Vectors.ById(CompactListExample.CaseId).Input[..^4];

        var annotations = FrameAnnotator.AnnotateApdu(apdu);

        // No longer one whole compact list: read as plain A-XDR, which fails where the first descriptor is.
        FrameAnnotatorTests.AssertCoversExactly(annotations, apdu.Length);
        Assert.Contains(annotations, a => a.Label.StartsWith("cannot decode", StringComparison.Ordinal));
    }

    private static (int Length, string Label) Describe(IReadOnlyList<Annotation> annotations, int offset)
    {
        var annotation = Assert.Single(annotations, a => a.Offset == offset);
        return (annotation.Length, annotation.Label);
    }
}
