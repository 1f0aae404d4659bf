using System.Buffers.Binary;
using Han.Protocol.Framing;
using Han.Protocol.MBus;
using Han.TestCorpus;

namespace Han.Protocol.Tests.MBus;

public sealed class MBusSegmentAssemblerTests
{
    /// <summary>A data-notification whose body is a structure of four double-long-unsigned values.</summary>
    private static readonly byte[] Apdu = Bytes.Hex(
        "0F 40 00 00 00 00 02 04 06 00 00 05 28 06 00 00 00 01 06 00 00 00 02 06 12 34 56 78");

    /// <summary>
    /// Each capture reassembles into one general-glo-ciphering APDU (protocol.md §4.3):
    /// <c>DB 08 system-title len SC IC …</c>, with the values its notes state.
    /// </summary>
    [Theory]
    [InlineData("austria-evn-doc-kaifa-ma309", "4B464D6750000009", 248, 0x20, 0x00000023u)]
    [InlineData("austria-tinetz-example-kaifa", "4B464D1010000023", 265, 0x21, 0x00295B9Au)]
    [InlineData("austria-sagemcom-t210d-with-key", "5341475905ED3312", 248, 0x20, 0x00001576u)]
    [InlineData("amsreader-kaifa-pl-gh905-1-mbus-encrypted", "4B464D1020029802", 341, 0x21, 0x00000A28u)]
    public void Add_RealCapture_ReassemblesOneCipheredApduOfItsDeclaredLength(string id, string systemTitle, int declared, byte security, uint invocationCounter)
    {
        var input = Vectors.ById(id).Input;
        var reader = new MBusFrameReader();
        var assembler = new MBusSegmentAssembler();
        var results = new List<SegmentResult>();
        byte[]? apdu = null;
        var consumed = 0;
        while (reader.TryRead(input.AsSpan(consumed), isFinalBlock: true, out var used, out var frame, out _) != FrameReadStatus.NeedMoreData)
        {
            consumed += used;
            var result = assembler.Add(in frame, out var joined, out var abandoned);
            Assert.False(abandoned);
            results.Add(result);
            if (result == SegmentResult.Complete)
            {
                apdu = joined.ToArray();
            }
        }

        Assert.Equal([SegmentResult.Pending, SegmentResult.Complete], results);
        Assert.Equal(2, assembler.SegmentCount);
        Assert.Equal(0, assembler.FirstFrameOffset);
        Assert.NotNull(apdu);
        Assert.Equal(0xDB, apdu[0]);
        Assert.Equal(0x08, apdu[1]);
        Assert.Equal(systemTitle, Convert.ToHexString(apdu, 2, 8));
        var (length, lengthBytes) = ReadAxdrLength(apdu.AsSpan(10));
        var body = apdu.AsSpan(10 + lengthBytes);
        Assert.Equal(declared, length);
        Assert.Equal(length, body.Length);
        Assert.Equal(security, body[0]);
        Assert.Equal(invocationCounter, BinaryPrimitives.ReadUInt32BigEndian(body[1..]));
    }

    [Fact]
    public void Add_SingleFrameWithCi10_IsCompleteWithoutACopy()
    {
        var wire = MBusFrameBuilder.Segment(0, last: true, Apdu);
        Assert.Equal(0x10, wire[6]);
        Assert.True(MBusFrame.TryParse(wire, 42, out var frame, out _));
        var assembler = new MBusSegmentAssembler();

        var result = assembler.Add(in frame, out var apdu, out var abandoned);

        Assert.Equal(SegmentResult.Complete, result);
        Assert.Equal(Apdu, apdu.ToArray());
        Assert.True(apdu.Overlaps(wire)); // a view of the frame, not a copy
        Assert.False(abandoned);
        Assert.Equal(1, assembler.SegmentCount);
        Assert.Equal(42, assembler.FirstFrameOffset);
        Assert.False(assembler.IsPending);
    }

    [Fact]
    public void Add_TwoSegments_JoinInOrder()
    {
        var assembler = new MBusSegmentAssembler();

        var (first, firstApdu, _) = Add(assembler, MBusFrameBuilder.Segment(0, last: false, Apdu.AsSpan(0, 10)), offset: 500);

        Assert.Equal(SegmentResult.Pending, first);
        Assert.Empty(firstApdu);
        Assert.True(assembler.IsPending);

        var (last, apdu, abandoned) = Add(assembler, MBusFrameBuilder.Segment(1, last: true, Apdu.AsSpan(10)), offset: 521);

        Assert.Equal(SegmentResult.Complete, last);
        Assert.Equal(Apdu, apdu);
        Assert.False(abandoned);
        Assert.False(assembler.IsPending);
        Assert.Equal(2, assembler.SegmentCount);
        Assert.Equal(500, assembler.FirstFrameOffset);
    }

    [Fact]
    public void Add_SixteenSegments_AreTheMostAnApduCanSpan()
    {
        var apdu = Enumerable.Range(0, 16 * MBusFrameBuilder.MaxPayload).Select(i => (byte)(i * 7)).ToArray();
        var frames = MBusFrameBuilder.Split(apdu);
        Assert.Equal(16, frames.Length);
        Assert.Equal(0x1F, frames[^1][6]);
        var assembler = new MBusSegmentAssembler();

        var results = frames.Select(f => Add(assembler, f)).ToList();

        Assert.All(results.Take(15), r => Assert.Equal(SegmentResult.Pending, r.Result));
        Assert.Equal(SegmentResult.Complete, results[^1].Result);
        Assert.Equal(apdu, results[^1].Apdu);
        Assert.Equal(16, assembler.SegmentCount);
    }

    [Fact]
    public void Add_GapInSegmentNumbers_AbandonsThePendingApduAndDropsTheRest()
    {
        var assembler = new MBusSegmentAssembler();
        Add(assembler, MBusFrameBuilder.Segment(0, last: false, Apdu.AsSpan(0, 5)));

        var (skipped, _, abandoned) = Add(assembler, MBusFrameBuilder.Segment(2, last: false, Apdu.AsSpan(5, 5)));
        var (after, _, abandonedAgain) = Add(assembler, MBusFrameBuilder.Segment(3, last: true, Apdu.AsSpan(10)));

        Assert.Equal(SegmentResult.Dropped, skipped);
        Assert.True(abandoned);
        Assert.Equal(SegmentResult.Dropped, after);
        Assert.False(abandonedAgain); // the APDU was reported once
        Assert.False(assembler.IsPending);
    }

    [Fact]
    public void Add_RepeatedSegment_AbandonsThePendingApdu()
    {
        var assembler = new MBusSegmentAssembler();
        Add(assembler, MBusFrameBuilder.Segment(0, last: false, Apdu.AsSpan(0, 5)));
        Add(assembler, MBusFrameBuilder.Segment(1, last: false, Apdu.AsSpan(5, 5)));

        var (result, _, abandoned) = Add(assembler, MBusFrameBuilder.Segment(1, last: false, Apdu.AsSpan(5, 5)));

        Assert.Equal(SegmentResult.Dropped, result);
        Assert.True(abandoned);
    }

    [Fact]
    public void Add_RestartAtSegmentZero_AbandonsThePendingApduAndStartsTheNewOne()
    {
        var assembler = new MBusSegmentAssembler();
        Add(assembler, MBusFrameBuilder.Segment(0, last: false, [0xAA, 0xBB]));

        var (restart, _, abandoned) = Add(assembler, MBusFrameBuilder.Segment(0, last: false, Apdu.AsSpan(0, 9)), offset: 300);
        var (complete, apdu, abandonedAgain) = Add(assembler, MBusFrameBuilder.Segment(1, last: true, Apdu.AsSpan(9)));

        Assert.Equal(SegmentResult.Pending, restart);
        Assert.True(abandoned);
        Assert.Equal(SegmentResult.Complete, complete);
        Assert.False(abandonedAgain);
        Assert.Equal(Apdu, apdu);
        Assert.Equal(300, assembler.FirstFrameOffset);
    }

    [Fact]
    public void Add_SingleFrameWhilePending_IsCompleteAndReportsTheAbandonedApdu()
    {
        var assembler = new MBusSegmentAssembler();
        Add(assembler, MBusFrameBuilder.Segment(0, last: false, [0xAA, 0xBB]));

        var (result, apdu, abandoned) = Add(assembler, MBusFrameBuilder.Segment(0, last: true, Apdu));

        Assert.Equal(SegmentResult.Complete, result);
        Assert.True(abandoned);
        Assert.Equal(Apdu, apdu);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(1, false)]
    [InlineData(5, true)]
    public void Add_SegmentWithoutItsStart_IsDropped(int number, bool last)
    {
        var assembler = new MBusSegmentAssembler();

        var (result, apdu, abandoned) = Add(assembler, MBusFrameBuilder.Segment(number, last, Apdu));

        Assert.Equal(SegmentResult.Dropped, result);
        Assert.Empty(apdu);
        Assert.False(abandoned);
        Assert.False(assembler.IsPending);
    }

    [Fact]
    public void Add_SecondHalfOfARealCaptureAlone_IsDroppedThenTheNextCaptureAssembles()
    {
        var evn = Vectors.ById("austria-evn-doc-kaifa-ma309").Input;
        var assembler = new MBusSegmentAssembler();

        Assert.Equal(SegmentResult.Dropped, Add(assembler, evn[256..]).Result);
        Assert.Equal(SegmentResult.Pending, Add(assembler, evn[..256]).Result);
        var (result, apdu, _) = Add(assembler, evn[256..]);

        Assert.Equal(SegmentResult.Complete, result);
        Assert.Equal(245 + 15, apdu.Length);
    }

    [Fact]
    public void Add_BeyondTheCap_IsTooLongAndItsRestIsDropped()
    {
        var assembler = new MBusSegmentAssembler(maxApduLength: 300);
        var frames = MBusFrameBuilder.Split(new byte[600]);

        Assert.Equal(SegmentResult.Pending, Add(assembler, frames[0]).Result);
        Assert.Equal(SegmentResult.TooLong, Add(assembler, frames[1]).Result);
        Assert.False(assembler.IsPending);
        var (rest, _, abandoned) = Add(assembler, frames[2]);

        Assert.Equal(SegmentResult.Dropped, rest);
        Assert.False(abandoned);
    }

    [Fact]
    public void Add_ExactlyAtTheCap_IsComplete()
    {
        var assembler = new MBusSegmentAssembler(maxApduLength: 490);
        var frames = MBusFrameBuilder.Split(new byte[490]);
        Assert.Equal(2, frames.Length);

        Assert.Equal(SegmentResult.Pending, Add(assembler, frames[0]).Result);
        Assert.Equal(SegmentResult.Complete, Add(assembler, frames[1]).Result);
        Assert.Equal(64 * 1024, MBusSegmentAssembler.MaxApduLength);
    }

    [Fact]
    public void Reset_WithPendingSegments_ReturnsTrueAndForgetsThem()
    {
        var assembler = new MBusSegmentAssembler();
        Add(assembler, MBusFrameBuilder.Segment(0, last: false, Apdu.AsSpan(0, 5)));

        Assert.True(assembler.Reset());
        Assert.False(assembler.IsPending);
        Assert.False(assembler.Reset());
        Assert.Equal(SegmentResult.Dropped, Add(assembler, MBusFrameBuilder.Segment(1, last: true, Apdu.AsSpan(5))).Result);
    }

    [Fact]
    public void Add_ManyApdusInARow_ReuseTheBufferAndStayCorrect()
    {
        var assembler = new MBusSegmentAssembler();
        for (var round = 0; round < 20; round++)
        {
            var apdu = Enumerable.Range(round, 300 + (round * 97)).Select(i => (byte)i).ToArray();
            SegmentResult result = default;
            byte[] joined = [];
            foreach (var frame in MBusFrameBuilder.Split(apdu))
            {
                (result, joined, _) = Add(assembler, frame);
            }

            Assert.Equal(SegmentResult.Complete, result);
            Assert.Equal(apdu, joined);
        }
    }

    private static (SegmentResult Result, byte[] Apdu, bool Abandoned) Add(MBusSegmentAssembler assembler, byte[] wire, long offset = 0)
    {
        Assert.True(MBusFrame.TryParse(wire, offset, out var frame, out var problem), $"test frame rejected: {problem}");
        var result = assembler.Add(in frame, out var apdu, out var abandoned);
        return (result, apdu.ToArray(), abandoned);
    }

    /// <summary>A-XDR length (protocol.md §5.2): one byte below 0x80, else 0x81 nn or 0x82 nn nn.</summary>
    private static (int Length, int Bytes) ReadAxdrLength(ReadOnlySpan<byte> data) => data[0] switch
    {
        < 0x80 => (data[0], 1),
        0x81 => (data[1], 2),
        0x82 => ((data[1] << 8) | data[2], 3),
        _ => throw new InvalidOperationException($"unexpected length prefix 0x{data[0]:X2}"),
    };
}
