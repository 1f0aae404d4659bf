using Han.Protocol;
using Han.Readings;
using Han.TestCorpus;

namespace Han.Pipeline.Tests;

/// <summary>
/// An input that fails part-way (a read error, a stray character in hex text) loses none of the bytes
/// it delivered before: they are decoded as at the end of the input, then the failure is thrown.
/// </summary>
public sealed class ReadFailureTests
{
    [Fact]
    public async Task DecodeAsync_FailureRightAfterAWholeFrame_DecodesTheFrameAndCountsEveryByte()
    {
        var frame = RealFrames.KamstrupList2;
        var observer = new RecordingObserver();
        using var decoder = new StreamDecoder(observer, Country.Norway);

        var failure = await Assert.ThrowsAsync<InvalidDataException>(() => decoder.DecodeAsync(new FailingAfter(frame, new InvalidDataException("stray character"))));

        Assert.Equal("stray character", failure.Message);
        Assert.Single(observer.Readings);
        Assert.Equal(frame.Length, decoder.Counters.Bytes);
        Assert.Empty(observer.Problems);
    }

    [Fact]
    public async Task DecodeAsync_FailureInsideTheSecondFrame_DecodesTheFirstAndReportsTheSecondAsCutShort()
    {
        var frame = RealFrames.KamstrupList2;
        byte[] delivered = [.. frame, .. frame.AsSpan(0, 100)];
        var observer = new RecordingObserver();
        using var decoder = new StreamDecoder(observer, Country.Norway);

        await Assert.ThrowsAsync<IOException>(() => decoder.DecodeAsync(new FailingAfter(delivered, new IOException("Input/output error"))));

        Assert.Single(observer.Readings);
        Assert.Equal(delivered.Length, decoder.Counters.Bytes);
        // The cut frame is reported where it starts; its bytes after the flag are counted as skipped.
        Assert.Equal(DecodeError.Truncated, observer.Problems[0].Error);
        Assert.Equal(frame.Length, observer.Problems[0].Offset);
    }

    [Fact]
    public async Task DecodeAsync_CancelledInsideAFrame_IsNotTakenForTheEndOfTheInput()
    {
        // Cancellation is not a failure of the input: the frame held is not reported as cut short.
        var frame = RealFrames.KamstrupList2;
        using var cancellation = new CancellationTokenSource();
        var observer = new RecordingObserver();
        using var decoder = new StreamDecoder(observer, Country.Norway);
        var line = new FailingAfter([.. frame, .. frame.AsSpan(0, 100)], new OperationCanceledException(cancellation.Token));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => decoder.DecodeAsync(line, cancellation.Token));

        Assert.Single(observer.Readings);
        Assert.Empty(observer.Problems);
    }

    /// <summary>Delivers some bytes, a few at a time, then fails on the next read.</summary>
    private sealed class FailingAfter(byte[] bytes, Exception failure) : ReadOnlyStream
    {
        private int _position;

        public override int Read(Span<byte> buffer)
        {
            if (_position == bytes.Length)
            {
                throw failure;
            }

            var count = Math.Min(Math.Min(buffer.Length, 37), bytes.Length - _position);
            bytes.AsSpan(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));
    }
}
