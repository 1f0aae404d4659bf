using Han.Protocol;
using Han.Protocol.Dlms.Security;
using Han.Readings;
using Han.TestCorpus;

namespace Han.Pipeline.Tests;

/// <summary>
/// A lost piece of a list split over several frames or blocks costs that list only, and is reported
/// once, in words that say what happened.
/// </summary>
public sealed class SegmentLossTests
{
    [Fact]
    public void Decode_MBusSegmentLostInTheMiddle_IsOneProblemAndTheNextListDecodes()
    {
        var vector = Vectors.ById("austria-evn-doc-kaifa-ma309");
        var payload = MBusFrameBuilder.JoinPayloads(vector.Input);
        var thirds = MBusFrameBuilder.Split(payload, (payload.Length / 3) + 1);
        Assert.Equal(3, thirds.Length);
        var observer = new RecordingObserver();
        using var decoder = new StreamDecoder(observer, new DecoderOptions(Country.Parse("AT"), EncryptionKey.FromHex(vector.KeyHex)));

        decoder.Decode([.. thirds[0], .. thirds[2], .. vector.Input]);

        Assert.Single(observer.Readings);
        var problem = Assert.Single(observer.Problems);
        Assert.Equal((DecodeError.IncompleteSegments, DecodeLayer.MBus, (long)thirds[0].Length), (problem.Error, problem.Layer, problem.Offset));
        Assert.Contains("is missing", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_BlockLostInTheMiddle_IsOneBlockOutOfOrderAndTheNextTransferDecodes()
    {
        var frames = HdlcFrames(Vectors.ById("amsreader-lg-ch-gh740-gbt-3-segments").Input);
        Assert.Equal(3, frames.Count);
        var observer = new RecordingObserver();
        using var decoder = new StreamDecoder(observer, new DecoderOptions(Country.Parse("CH")));

        decoder.Decode([.. frames[0], .. frames[2], .. frames[0], .. frames[1], .. frames[2]]);

        Assert.Single(observer.Readings);
        var problem = Assert.Single(observer.Problems);
        Assert.Equal((DecodeError.BlockOutOfOrder, DecodeLayer.Dlms), (problem.Error, problem.Layer));
        Assert.Contains("general-block-transfer blocks of an APDU is missing", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_InputEndingInsideABlockTransfer_ReportsItAtItsFirstBlock()
    {
        var frames = HdlcFrames(Vectors.ById("amsreader-lg-ch-gh740-gbt-3-segments").Input);
        var observer = new RecordingObserver();
        using var decoder = new StreamDecoder(observer, new DecoderOptions(Country.Parse("CH")));

        decoder.Decode([.. frames[0], .. frames[1]]);

        Assert.Empty(observer.Readings);
        var problem = Assert.Single(observer.Problems);
        Assert.Equal((DecodeError.IncompleteSegments, DecodeLayer.Dlms), (problem.Error, problem.Layer));
        Assert.InRange(problem.Offset, 0, frames[0].Length - 1);
        Assert.Contains("after 2 of the general-block-transfer blocks", problem.Detail, StringComparison.Ordinal);
    }

    /// <summary>Consecutive HDLC frames cut apart by their length fields.</summary>
    private static List<byte[]> HdlcFrames(byte[] input)
    {
        var frames = new List<byte[]>();
        for (var at = 0; at < input.Length;)
        {
            var length = ((input[at + 1] & 0x07) << 8) | input[at + 2];
            frames.Add(input[at..(at + length + 2)]);
            at += length + 2;
        }

        return frames;
    }
}
