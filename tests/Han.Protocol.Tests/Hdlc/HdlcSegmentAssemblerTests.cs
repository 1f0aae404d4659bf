using Han.Protocol.Axdr;
using Han.Protocol.Dlms;
using Han.Protocol.Framing;
using Han.Protocol.Hdlc;
using Han.TestCorpus;

namespace Han.Protocol.Tests.Hdlc;

public sealed class HdlcSegmentAssemblerTests
{
    /// <summary>A data-notification whose body is a structure of four double-long-unsigned values.</summary>
    private static readonly byte[] Apdu = Bytes.Hex(
        "0F 40 00 00 00 00 02 04 06 00 00 05 28 06 00 00 00 01 06 00 00 00 02 06 12 34 56 78");

    [Fact]
    public void Add_UnsegmentedFrameWithLlc_IsCompleteWithLlcStripped()
    {
        var assembler = new HdlcSegmentAssembler();

        var (result, apdu, abandoned) = Add(assembler, HdlcFrameBuilder.Push([.. HdlcFrameBuilder.LlcResponse, .. Apdu]), offset: 77);

        Assert.Equal(SegmentResult.Complete, result);
        Assert.Equal(Apdu, apdu);
        Assert.False(abandoned);
        Assert.False(assembler.IsPending);
        Assert.Equal(1, assembler.SegmentCount);
        Assert.Equal(77, assembler.FirstFrameOffset);
    }

    [Fact]
    public void Add_UnsegmentedFrameWithoutLlc_IsCompleteUnchanged()
    {
        var assembler = new HdlcSegmentAssembler();

        var (result, apdu, _) = Add(assembler, HdlcFrameBuilder.Push(Apdu));

        Assert.Equal(SegmentResult.Complete, result);
        Assert.Equal(Apdu, apdu);
    }

    [Fact]
    public void Add_TwoSegments_JoinIntoOneApduWithLlcStrippedOnce()
    {
        var assembler = new HdlcSegmentAssembler();
        var first = HdlcFrameBuilder.Push([.. HdlcFrameBuilder.LlcResponse, .. Apdu[..10]], segmented: true);
        var last = HdlcFrameBuilder.Push(Apdu.AsSpan(10));
        Assert.Equal(0xA8, first[1] & 0xF8); // S = 1 on the first, 0 on the last
        Assert.Equal(0xA0, last[1] & 0xF8);

        var (firstResult, firstApdu, _) = Add(assembler, first, offset: 100);

        Assert.Equal(SegmentResult.Pending, firstResult);
        Assert.Empty(firstApdu);
        Assert.True(assembler.IsPending);

        var (lastResult, apdu, abandoned) = Add(assembler, last, offset: 100 + first.Length);

        Assert.Equal(SegmentResult.Complete, lastResult);
        Assert.Equal(Apdu, apdu);
        Assert.False(abandoned);
        Assert.False(assembler.IsPending);
        Assert.Equal(2, assembler.SegmentCount);
        Assert.Equal(100, assembler.FirstFrameOffset);
        Assert.Equal(0x12345678L, ReadLastValue(apdu));
    }

    [Fact]
    public void Add_ThreeSegments_JoinInOrder()
    {
        var assembler = new HdlcSegmentAssembler();

        Assert.Equal(SegmentResult.Pending, Add(assembler, HdlcFrameBuilder.Push([.. HdlcFrameBuilder.LlcResponse, .. Apdu[..5]], segmented: true)).Result);
        Assert.Equal(SegmentResult.Pending, Add(assembler, HdlcFrameBuilder.Push(Apdu.AsSpan(5, 12), segmented: true)).Result);
        var (result, apdu, _) = Add(assembler, HdlcFrameBuilder.Push(Apdu.AsSpan(17)));

        Assert.Equal(SegmentResult.Complete, result);
        Assert.Equal(Apdu, apdu);
        Assert.Equal(3, assembler.SegmentCount);
    }

    [Fact]
    public void Add_TwoSegmentedApdusInARow_EachCompletesWithOnlyItsOwnBytes()
    {
        var assembler = new HdlcSegmentAssembler();
        var other = Bytes.Hex("0F 00 00 00 01 00 11 2A");

        Add(assembler, HdlcFrameBuilder.Push([.. HdlcFrameBuilder.LlcResponse, .. Apdu[..20]], segmented: true));
        var first = Add(assembler, HdlcFrameBuilder.Push(Apdu.AsSpan(20)));
        Add(assembler, HdlcFrameBuilder.Push([.. HdlcFrameBuilder.LlcResponse, .. other[..3]], segmented: true));
        var second = Add(assembler, HdlcFrameBuilder.Push(other.AsSpan(3)));

        Assert.Equal(Apdu, first.Apdu);
        Assert.Equal(other, second.Apdu);
        Assert.False(second.Abandoned);
    }

    [Fact]
    public void Add_NewLlcFrameWhilePending_AbandonsThePendingApdu()
    {
        var assembler = new HdlcSegmentAssembler();
        var single = Bytes.Hex("0F 40 00 00 00 00 11 01");
        Add(assembler, HdlcFrameBuilder.Push([.. HdlcFrameBuilder.LlcResponse, .. Apdu[..10]], segmented: true), offset: 0);

        var (result, apdu, abandoned) = Add(assembler, HdlcFrameBuilder.Push([.. HdlcFrameBuilder.LlcResponse, .. single]), offset: 500);

        Assert.True(abandoned);
        Assert.Equal(SegmentResult.Complete, result);
        Assert.Equal(single, apdu);
        Assert.False(assembler.IsPending);
        Assert.Equal(500, assembler.FirstFrameOffset);
        Assert.Equal(1, assembler.SegmentCount);
    }

    [Fact]
    public void Add_NewSegmentedLlcFrameWhilePending_StartsAFreshApdu()
    {
        var assembler = new HdlcSegmentAssembler();
        Add(assembler, HdlcFrameBuilder.Push([.. HdlcFrameBuilder.LlcResponse, 0xAA, 0xBB, 0xCC], segmented: true));

        var restart = Add(assembler, HdlcFrameBuilder.Push([.. HdlcFrameBuilder.LlcResponse, .. Apdu[..10]], segmented: true));
        var (result, apdu, abandoned) = Add(assembler, HdlcFrameBuilder.Push(Apdu.AsSpan(10)));

        Assert.True(restart.Abandoned);
        Assert.Equal(SegmentResult.Pending, restart.Result);
        Assert.False(abandoned);
        Assert.Equal(SegmentResult.Complete, result);
        Assert.Equal(Apdu, apdu);
    }

    [Fact]
    public void Add_FrameFromAnotherSourceWhilePending_AbandonsThePendingApdu()
    {
        var assembler = new HdlcSegmentAssembler();
        Add(assembler, HdlcFrameBuilder.Push([.. HdlcFrameBuilder.LlcResponse, .. Apdu[..10]], segmented: true));
        var fromOtherMeter = HdlcFrameBuilder.Build([0x2B], [0x21], 0x13, Apdu.AsSpan(10));

        var (result, apdu, abandoned) = Add(assembler, fromOtherMeter);

        Assert.True(abandoned);
        Assert.Equal(SegmentResult.Complete, result);
        Assert.Equal(Apdu[10..], apdu);
    }

    [Fact]
    public void Add_SegmentsAddingUpToExactlyMaxApduLength_Complete()
    {
        var (frames, expected) = SegmentsOf(HdlcSegmentAssembler.MaxApduLength);
        var assembler = new HdlcSegmentAssembler();

        for (var i = 0; i < frames.Count - 1; i++)
        {
            Assert.Equal(SegmentResult.Pending, Add(assembler, frames[i]).Result);
        }

        var (result, apdu, _) = Add(assembler, frames[^1]);

        Assert.Equal(SegmentResult.Complete, result);
        Assert.Equal(HdlcSegmentAssembler.MaxApduLength, apdu.Length);
        Assert.Equal(expected, apdu);
        Assert.Equal(frames.Count, assembler.SegmentCount);
    }

    [Fact]
    public void Add_SegmentsAddingUpToOneByteMoreThanMaxApduLength_ReturnsTooLong()
    {
        var (frames, _) = SegmentsOf(HdlcSegmentAssembler.MaxApduLength + 1);
        var assembler = new HdlcSegmentAssembler();

        for (var i = 0; i < frames.Count - 1; i++)
        {
            Assert.Equal(SegmentResult.Pending, Add(assembler, frames[i]).Result);
        }

        var (result, apdu, _) = Add(assembler, frames[^1]);

        Assert.Equal(SegmentResult.TooLong, result);
        Assert.Empty(apdu);
        Assert.False(assembler.IsPending);
    }

    [Fact]
    public void Add_EndlessSegments_ReturnsTooLongWhenTheLimitIsPassed()
    {
        var assembler = new HdlcSegmentAssembler();
        var payload = new byte[2000];
        var total = 0;
        var frames = 0;
        SegmentResult result;
        do
        {
            var information = frames == 0 ? [.. HdlcFrameBuilder.LlcResponse, .. payload] : payload;
            result = Add(assembler, HdlcFrameBuilder.Push(information, segmented: true)).Result;
            frames++;
            if (result == SegmentResult.Pending)
            {
                total += payload.Length;
            }
        }
        while (result == SegmentResult.Pending && frames < 100);

        Assert.Equal(SegmentResult.TooLong, result);

        // The segment that failed is the first one that would have passed the limit.
        Assert.True(total <= HdlcSegmentAssembler.MaxApduLength);
        Assert.True(total + payload.Length > HdlcSegmentAssembler.MaxApduLength);
        Assert.False(assembler.IsPending);
    }

    [Fact]
    public void Add_SegmentsAfterTooLong_AreDroppedUpToTheLastOne()
    {
        var assembler = new HdlcSegmentAssembler();
        var payload = new byte[2000];
        var result = Add(assembler, HdlcFrameBuilder.Push([.. HdlcFrameBuilder.LlcResponse, .. payload], segmented: true)).Result;
        while (result == SegmentResult.Pending)
        {
            result = Add(assembler, HdlcFrameBuilder.Push(payload, segmented: true)).Result;
        }

        Assert.Equal(SegmentResult.TooLong, result);

        Assert.Equal(SegmentResult.Dropped, Add(assembler, HdlcFrameBuilder.Push(payload, segmented: true)).Result);
        Assert.Equal(SegmentResult.Dropped, Add(assembler, HdlcFrameBuilder.Push(Apdu)).Result);
        var (next, apdu, _) = Add(assembler, HdlcFrameBuilder.Push([.. HdlcFrameBuilder.LlcResponse, .. Apdu]));
        Assert.Equal(SegmentResult.Complete, next);
        Assert.Equal(Apdu, apdu);
    }

    [Fact]
    public void Add_MiddleSegmentWithNothingBeforeIt_IsDroppedWithTheRestOfItsApdu()
    {
        // Listening started in the middle of a segmented push: its first segment (with the LLC header) was never seen.
        var assembler = new HdlcSegmentAssembler();

        Assert.Equal(SegmentResult.Dropped, Add(assembler, HdlcFrameBuilder.Push(Apdu.AsSpan(0, 10), segmented: true)).Result);
        Assert.Equal(SegmentResult.Dropped, Add(assembler, HdlcFrameBuilder.Push(Apdu.AsSpan(10))).Result);
        Assert.False(assembler.IsPending);

        var (result, apdu, abandoned) = Add(assembler, HdlcFrameBuilder.Push([.. HdlcFrameBuilder.LlcResponse, .. Apdu]));
        Assert.Equal(SegmentResult.Complete, result);
        Assert.Equal(Apdu, apdu);
        Assert.False(abandoned);
    }

    [Fact]
    public void Add_RealFirstSegmentOfIskraPush_IsPending()
    {
        // vectors: frame format A8 A4, segment 1 of 2; the second segment was not preserved.
        var assembler = new HdlcSegmentAssembler();

        var (result, apdu, _) = Add(assembler, Vectors.ById("amsreader-iskra-hr-gh1072-1-hdlc-segment1").Input);

        Assert.Equal(SegmentResult.Pending, result);
        Assert.Empty(apdu);
        Assert.True(assembler.IsPending);
        Assert.True(assembler.Reset());
        Assert.False(assembler.IsPending);
    }

    [Fact]
    public void Reset_NothingPending_ReturnsFalse()
    {
        var assembler = new HdlcSegmentAssembler();
        Add(assembler, HdlcFrameBuilder.Push(Apdu));

        Assert.False(assembler.Reset());
    }

    [Fact]
    public void Reset_WhilePending_DropsTheSegments()
    {
        var assembler = new HdlcSegmentAssembler();
        Add(assembler, HdlcFrameBuilder.Push([.. HdlcFrameBuilder.LlcResponse, 0xAA, 0xBB], segmented: true));

        Assert.True(assembler.Reset());
        var (result, apdu, abandoned) = Add(assembler, HdlcFrameBuilder.Push([.. HdlcFrameBuilder.LlcResponse, .. Apdu]));

        Assert.False(abandoned);
        Assert.Equal(SegmentResult.Complete, result);
        Assert.Equal(Apdu, apdu);
    }

    /// <summary>Segments whose payloads (after the first segment's LLC header) add up to <paramref name="total"/> bytes.</summary>
    private static (List<byte[]> Frames, byte[] Apdu) SegmentsOf(int total)
    {
        var apdu = new byte[total];
        new Random(total).NextBytes(apdu);
        var frames = new List<byte[]>();
        for (var start = 0; start < total; start += 2000)
        {
            var piece = apdu[start..Math.Min(start + 2000, total)];
            var isLast = start + 2000 >= total;
            frames.Add(HdlcFrameBuilder.Push(start == 0 ? [.. HdlcFrameBuilder.LlcResponse, .. piece] : piece, segmented: !isLast));
        }

        return (frames, apdu);
    }

    private static long ReadLastValue(byte[] apdu)
    {
        var notification = DataNotification.Parse(apdu);
        var reader = new AxdrReader(notification.Body);
        reader.Read();
        long value = 0;
        while (!reader.IsAtEnd)
        {
            Assert.True(reader.Read().TryGetInt64(out value));
        }

        return value;
    }

    private static (SegmentResult Result, byte[] Apdu, bool Abandoned) Add(HdlcSegmentAssembler assembler, byte[] wire, long offset = 0)
    {
        Assert.True(HdlcFrame.TryParse(wire.AsSpan(1, wire.Length - 2), offset, out var frame, out var problem), problem.ToString());
        var result = assembler.Add(frame, out var apdu, out var abandoned);
        return (result, apdu.ToArray(), abandoned);
    }
}
