using Han.Protocol.Diagnostics;
using Han.TestCorpus;

namespace Han.Protocol.Tests.Diagnostics;

public sealed class MBusAnnotatorTests
{
    [Fact]
    public void Annotate_SingleFrame_CoversEveryByteOnceWithItsFields()
    {
        var frame = MBusFrameBuilder.Segment(0, last: true, [0xDB, 0x08, 1, 2, 3, 4, 5, 6, 7, 8]);

        var annotations = MBusAnnotator.Annotate(frame);

        FrameAnnotatorTests.AssertCoversExactly(annotations, frame.Length);
        Assert.Equal("start 0x68", annotations[0].Label);
        Assert.Contains(annotations, a => a.Label == "CI 0x10: single segment");
        Assert.Equal("stop 0x16", annotations[^1].Label);
        Assert.StartsWith("checksum", annotations[^2].Label, StringComparison.Ordinal);
    }

    [Fact]
    public void Annotate_EverySegmentOfTheAustrianCapture_CoversEveryByteOnce()
    {
        var payload = MBusFrameBuilder.JoinPayloads(Vectors.ById("austria-evn-doc-kaifa-ma309").Input);
        var segments = MBusFrameBuilder.Split(payload, 100);
        Assert.True(segments.Length > 2);

        for (var i = 0; i < segments.Length; i++)
        {
            var annotations = MBusAnnotator.Annotate(segments[i]);

            FrameAnnotatorTests.AssertCoversExactly(annotations, segments[i].Length);
            var last = i == segments.Length - 1;
            Assert.Contains(annotations, a => a.Label.StartsWith($"CI 0x{(last ? 0x10 : 0x00) | i:X2}: segment {i}", StringComparison.Ordinal));
        }
    }
}
