using Han.Protocol.Axdr;
using Han.Protocol.Cosem;
using Han.Protocol.Dlms;
using Han.Protocol.Framing;
using Han.Protocol.Hdlc;
using Han.TestCorpus;

namespace Han.Protocol.Tests.Dlms;

/// <summary>
/// The L+G E450 capture (amsreader gh740): three HDLC frames, each carrying one general-block-transfer
/// block; only the first has the LLC header.
/// </summary>
public sealed partial class GeneralBlockTransferAssemblerTests
{
    [Fact]
    public void Add_LandisGyrThreeBlocks_JoinIntoTheDataNotificationTheCaseDescribes()
    {
        var blocks = GbtBlocksOfTheE450Capture();
        var assembler = new GeneralBlockTransferAssembler();
        var results = new List<SegmentResult>();
        byte[] joined = [];
        foreach (var block in blocks)
        {
            var result = assembler.Add(block, out var apdu, out var abandoned);
            Assert.False(abandoned);
            results.Add(result);
            joined = apdu.ToArray();
        }

        Assert.Equal([SegmentResult.Pending, SegmentResult.Pending, SegmentResult.Complete], results);
        Assert.Equal(3, assembler.BlockCount);
        Assert.Equal(0x70 + 0x6C + 0x79, joined.Length); // the three blocks' length bytes

        var notification = DataNotification.Parse(joined);
        Assert.Equal(0x0021A433u, notification.InvokeIdAndPriority);
        Assert.Equal(DateTimeEncoding.Length, notification.DateTimeEncoding);
        Assert.Equal((ushort)2024, notification.DateTime!.Value.Year);
        Assert.Equal((byte)2, notification.DateTime.Value.Month);
        Assert.Equal((byte)29, notification.DateTime.Value.Day);

        // Body: the push object list, then the values (expected values of the case: meter 63326413,
        // 362 W import, 0 W export, 2302.502 kWh, 0.51 / 1.05 / 0.52 A).
        var reader = new AxdrReader(notification.Body);
        var body = reader.Read();
        Assert.Equal(DataType.Structure, body.Type);
        Assert.Equal(14, body.Count);
        Assert.Equal(DataType.Array, reader.PeekType());
        reader.SkipValue();
        Assert.Equal(new ObisCode(0, 8, 25, 9, 0, 255), reader.Read().ToObisCode());
        Assert.Equal("63326413"u8.ToArray(), reader.Read().Payload.ToArray());
        Assert.Equal(362, Integer(reader.Read()));
        Assert.Equal(0, Integer(reader.Read()));
        Assert.Equal(2302502, Integer(reader.Read()));
        for (var i = 0; i < 5; i++)
        {
            reader.SkipValue();
        }

        Assert.Equal(51, Integer(reader.Read()));
        Assert.Equal(105, Integer(reader.Read()));
        Assert.Equal(52, Integer(reader.Read()));
        Assert.True(reader.IsAtEnd);
    }

    [Fact]
    public void Add_LandisGyrThreeBlocks_HaveTheLayoutOfTheReassembledApduFromTheSameFamily()
    {
        var assembler = new GeneralBlockTransferAssembler();
        byte[] joined = [];
        foreach (var block in GbtBlocksOfTheE450Capture())
        {
            assembler.Add(block, out var apdu, out _);
            joined = apdu.ToArray();
        }

        var reference = Vectors.ById("amsreader-lg-ch-gh934-1-gbt-reassembled-apdu").Input;
        var ours = DataNotification.Parse(joined);
        var theirs = DataNotification.Parse(reference);

        // Same header shape (date-time 0C + 12 bytes) and the same start of the push object list:
        // structure of 14, array of 14, first entry {class 40, 0.8.25.9.0.255, attribute 2, 0}.
        Assert.Equal(theirs.DateTimeEncoding, ours.DateTimeEncoding);
        Assert.Equal(theirs.BodyOffset, ours.BodyOffset);
        Assert.Equal(Bytes.Hex("02 0E 01 0E 02 04 12 00 28 09 06 00 08 19 09 00 FF 0F 02 12 00 00"), ours.Body[..22].ToArray());
        Assert.Equal(theirs.Body[..22].ToArray(), ours.Body[..22].ToArray());
    }

    [Fact]
    public void Add_LandisGyrBlocksOnlyTheFirstHasLlc()
    {
        var input = Vectors.ById("amsreader-lg-ch-gh740-gbt-3-segments").Input;
        var informations = HdlcInformationFields(input);

        Assert.Equal([true, false, false], informations.Select(i => Llc.HasHeader(i)));
        Assert.All(GbtBlocksOfTheE450Capture(), b => Assert.Equal(0xE0, b[0]));
    }

    [Fact]
    public void Add_LandisGyrBlocksOutOfOrder_DropsAndAbandons()
    {
        var blocks = GbtBlocksOfTheE450Capture();
        var assembler = new GeneralBlockTransferAssembler();

        Assert.Equal(SegmentResult.Pending, assembler.Add(blocks[0], out _, out _));
        Assert.Equal(SegmentResult.Dropped, assembler.Add(blocks[2], out var joined, out var abandoned));
        Assert.True(abandoned);
        Assert.True(joined.IsEmpty);
        Assert.Equal(SegmentResult.Dropped, assembler.Add(blocks[1], out _, out var abandonedAgain));
        Assert.False(abandonedAgain);
    }

    private static long Integer(AxdrElement element)
    {
        Assert.True(element.TryGetInt64(out var value), $"{element.Type} is not an integer");
        return value;
    }

    /// <summary>The three E0 APDUs of the L+G E450 capture: HDLC frames, LLC stripped where present.</summary>
    private static byte[][] GbtBlocksOfTheE450Capture() =>
        [.. HdlcInformationFields(Vectors.ById("amsreader-lg-ch-gh740-gbt-3-segments").Input).Select(i => Llc.Strip(i).ToArray())];

    private static List<byte[]> HdlcInformationFields(byte[] input)
    {
        var reader = new HdlcFrameReader();
        var fields = new List<byte[]>();
        var consumed = 0;
        while (reader.TryRead(input.AsSpan(consumed), isFinalBlock: true, out var used, out var frame, out _) is var status
            && status != FrameReadStatus.NeedMoreData)
        {
            consumed += used;
            Assert.Equal(FrameReadStatus.Frame, status);
            fields.Add(frame.Information.ToArray());
        }

        Assert.Equal(3, fields.Count);
        return fields;
    }
}
