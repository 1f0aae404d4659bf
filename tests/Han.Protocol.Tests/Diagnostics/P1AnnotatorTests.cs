using Han.Protocol.Diagnostics;
using Han.Protocol.P1;
using Han.TestCorpus;

namespace Han.Protocol.Tests.Diagnostics;

public sealed class P1AnnotatorTests
{
    [Theory]
    [InlineData("dsmr-nl-v50-two-mbus")]
    [InlineData("dsmr-be-fluvius-v171")]
    [InlineData("dsmr-nl-v42-kaifa")]
    public void Annotate_CorpusTelegram_CoversEveryByteOnceEndingWithTheCrc(string id)
    {
        var telegram = Parse(Vectors.ById(id).Input);

        var annotations = P1Annotator.Annotate(telegram);

        FrameAnnotatorTests.AssertCoversExactly(annotations, telegram.Text.Length);
        Assert.StartsWith("identification /", annotations[0].Label, StringComparison.Ordinal);
        Assert.Equal($"end mark and CRC 0x{telegram.Crc:X4}", annotations[^1].Label);
        Assert.DoesNotContain(annotations, a => a.Label == "skipped malformed line");
    }

    [Fact]
    public void Annotate_MalformedLineAndNoCrc_NamesTheSkippedLineAndTheBareEndMark()
    {
        var telegram = Parse(P1TelegramBuilder.Build("KFM5", ["1-0:1.7.0(00.111*kW)", "not a line", "1-0:2.7.0(00.000*kW)"], crc: false));

        var annotations = P1Annotator.Annotate(telegram);

        FrameAnnotatorTests.AssertCoversExactly(annotations, telegram.Text.Length);
        var skipped = Assert.Single(annotations, a => a.Label == "skipped malformed line");
        Assert.Contains("not a line", System.Text.Encoding.ASCII.GetString(telegram.Text.Slice(skipped.Offset, skipped.Length)), StringComparison.Ordinal);
        Assert.Equal("end mark (no CRC: DSMR 2.2 or 3.0)", annotations[^1].Label);
        Assert.Equal(1, annotations[^1].Length);
    }

    [Fact]
    public void Annotate_ObjectContinuedOnTheNextLine_ShowsItOnOneLine()
    {
        // DSMR 2.2 gas: the value on the line after its capture time.
        var telegram = Parse(P1TelegramBuilder.Build("KMP5", ["0-1:24.3.0(121030140000)(00)(60)(1)(0-1:24.2.1)(m3)\r\n(00000.000)"]));

        var annotations = P1Annotator.Annotate(telegram);

        Assert.All(annotations, a => Assert.DoesNotContain('\n', a.Label));
        Assert.Contains(annotations, a => a.Label.EndsWith("(m3) (00000.000)", StringComparison.Ordinal));
    }

    [Fact]
    public void Annotate_ControlCharactersInAGroup_ShowsThemEscaped()
    {
        var telegram = Parse(P1TelegramBuilder.Build("KFM5KAIFA-METER", ["0-0:96.13.0(\u001B[2J\u0007)"]));

        var annotations = P1Annotator.Annotate(telegram);

        Assert.Contains(annotations, a => a.TreeLine == "0-0:96.13.0.255 = (\\x1B[2J\\x07)");
        Assert.All(annotations, a => Assert.DoesNotContain(a.Label, PrintableText.IsUnsafe));
    }

    private static P1Telegram Parse(byte[] input)
    {
        Assert.True(P1Telegram.TryParse(input, 0, verifyCrc: true, out var telegram, out var problem), problem.ToString());
        return telegram;
    }
}
