using Han.Protocol;
using Han.Readings;
using Han.TestCorpus;

namespace Han.Pipeline.Tests;

/// <summary>
/// Issue 7, point 1: noise at the start of a real capture costs only itself, even when its first byte
/// is one a lone APDU or LLC message starts with; it never turns the stream into one broken message.
/// </summary>
public sealed class NoisyStartTests
{
    public static TheoryData<string> FramedCaptures() => [.. NoisyStart.FramedCaptures.Select(c => c.Id)];

    [Theory]
    [MemberData(nameof(FramedCaptures))]
    public void Decode_MessageStartBeforeARealCapture_GivesEveryReadingOfTheCleanCapture(string id)
    {
        var vector = Vectors.ById(id);
        var clean = RecordingObserver.Decode(vector);
        Assert.Equal(vector.ExpectReadings, clean.Readings.Count);
        foreach (var start in NoisyStart.MessageStarts)
        {
            var noisy = RecordingObserver.Decode(vector, [.. Convert.FromHexString(start), .. vector.Input]);

            Assert.True(clean.ReadingTexts.SequenceEqual(noisy.ReadingTexts), $"after {start}: {noisy.Readings.Count} readings, or other values, instead of the clean capture's {clean.Readings.Count}");
            var first = noisy.Problems[0];
            Assert.True(first is { Error: DecodeError.SkippedBytes, Offset: 0 }, $"after {start} the first problem is {first}, not the noise at offset 0");
        }
    }

    [Fact]
    public async Task DecodeAsync_MessageStartBeforeALiveLine_DecodesTheFirstFrameSoonAfterItArrives()
    {
        // A live line never ends: the first reading must come once its frame is in, not at the end or after 64 KiB.
        var first = Vectors.ById("amsreader-kamstrup-no-gh862-3").Input;
        var second = Vectors.ById("amsreader-kamstrup-no-em001-1-list2").Input;
        using var line = new TrickleStream([0x0F, .. first, .. second], maxRead: 7);
        var observer = new FirstReadingProbe(line);

        await new StreamDecoder(observer, Country.Norway).DecodeAsync(line);

        Assert.Equal(2, observer.Readings);
        // At most one more read of the line (7 bytes) than the noise byte and the frame.
        Assert.InRange(observer.BytesReadAtFirstReading, 1 + first.Length, 1 + first.Length + 7);
    }

    /// <summary>Notes how much of the line had been read when the first reading came out.</summary>
    private sealed class FirstReadingProbe(Stream line) : DecodeObserver
    {
        public long BytesReadAtFirstReading { get; private set; } = -1;

        public int Readings { get; private set; }

        public override void OnReading(MeterReading reading, long offset)
        {
            if (Readings++ == 0)
            {
                BytesReadAtFirstReading = line.Position;
            }
        }
    }
}
