using System.Text.Json;
using Han.Protocol;
using Han.TestCorpus;

namespace Han.Pipeline.Tests;

/// <summary>
/// Damaged lines lose only the damaged frames: bad FCS, frames cut short and random bytes between
/// frames never cost an intact frame (issue acceptance: no collateral loss).
/// </summary>
public sealed class StreamDamageTests
{
    private static readonly IReadOnlyList<byte[]> Frames = RealFrames.NorwegianGoodFramesOf("Kamstrup");

    public static TheoryData<string, int, int, int, int, int> Damage()
    {
        var data = new TheoryData<string, int, int, int, int, int>();
        foreach (var vendor in new[] { "Aidon", "Kaifa", "Kamstrup" })
        {
            data.Add(vendor, 10, 0, 0, 0, 1);
            data.Add(vendor, 0, 10, 0, 0, 2);
            data.Add(vendor, 0, 0, 1, 80, 3);
            data.Add(vendor, 10, 10, 1, 80, 4);
            data.Add(vendor, 3, 4, 0, 5, 5);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Damage))]
    public void Decode_DamagedCapture_DecodesEveryIntactFrame(string vendor, int badFcsEvery, int cutShortEvery, int minGarbage, int maxGarbage, int seed)
    {
        var frames = RealFrames.NorwegianGoodFramesOf(vendor);
        var stream = DamagedCapture.Build(frames, 400, badFcsEvery, cutShortEvery, minGarbage, maxGarbage, seed);

        var result = RecordingObserver.Decode(stream.ToArray());

        var expected = stream.IntactFrameIndexes.Select(i => PristineReading(frames[i % frames.Count])).ToList();
        Assert.Equal(expected.Count, result.Readings.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            // In a stream the meter is remembered, so a list 1 that names nothing still gets its maker.
            Assert.Equal(expected[i], WithoutManufacturer(result.ReadingJson[i]));
            Assert.Equal(vendor, result.Readings[i].MeterManufacturer);
        }

        Assert.True(expected.Count < stream.FrameCount || (badFcsEvery == 0 && cutShortEvery == 0), "the stream was meant to contain damaged frames");
    }

    [Fact]
    public void Decode_DamagedCapture_ReportsEachDamagedFrame()
    {
        var stream = DamagedCapture.Build(Frames, 200, badFcsEvery: 10, cutShortEvery: 0, minGarbage: 0, maxGarbage: 0, seed: 7);

        var result = RecordingObserver.Decode(stream.ToArray());

        Assert.Equal(20, result.Problems.Count(p => p.Error == Protocol.DecodeError.BadFcs));
    }

    [Fact]
    public void Decode_DamagedCapture_EveryByteIsInAFrameOrCounted()
    {
        var stream = DamagedCapture.Build(Frames, 300, 10, 10, 1, 80, seed: 11);
        var observer = new RecordingObserver();
        var decoder = new StreamDecoder(observer, Readings.Country.Norway);

        decoder.Decode(stream.ToArray());

        var framing = decoder.Counters.Framing;
        Assert.Equal(stream.Bytes.Count, decoder.Counters.Bytes);
        Assert.Equal(stream.Bytes.Count, framing.FrameBytes + framing.DiscardedBytes);
        Assert.Equal(stream.IntactFrameIndexes.Count, framing.Frames);
    }

    [Fact]
    public void Decode_OneMebibyteOfRandomBytes_YieldsNoReadingAndAccountsForEveryByte()
    {
        var bytes = new byte[1024 * 1024];
        new Random(1234).NextBytes(bytes);
        var observer = new RecordingObserver();
        var decoder = new StreamDecoder(observer, Readings.Country.Norway);

        decoder.Decode(bytes);

        Assert.Empty(observer.Readings);
        Assert.Equal(bytes.Length, decoder.Counters.Framing.DiscardedBytes + decoder.Counters.Framing.FrameBytes);
        Assert.Equal(0, decoder.Counters.Framing.Frames);
    }

    [Fact]
    public void Decode_P1TelegramsThatFailTheirCrc_AreEachReportedWithTheirSizeAndCostNothingElse()
    {
        var good = Vectors.ById("dsmr-nl-v50-two-mbus").Input;
        var bad = InputDetectorTests.DamagedTelegrams(1);
        var observer = RecordingObserver.Decode([.. bad, .. good, .. bad], country: "NL");

        Assert.Single(observer.Readings);
        Assert.Equal(2, observer.Problems.Count);
        Assert.All(observer.Problems, problem =>
        {
            Assert.Equal(DecodeError.BadCrc, problem.Error);
            Assert.Equal(DecodeLayer.P1, problem.Layer);
            Assert.StartsWith($"a P1 telegram of {bad.Length} bytes failed its CRC check", problem.Detail, StringComparison.Ordinal);
        });
        Assert.Equal([0L, bad.Length + good.Length], observer.Problems.Select(problem => problem.Offset));
    }

    [Fact]
    public async Task DecodeAsync_StreamInSmallReads_GivesTheSameReadingsAsInMemory()
    {
        var stream = DamagedCapture.Build(Frames, 150, 10, 10, 0, 40, seed: 21);
        var whole = RecordingObserver.Decode(stream.ToArray());
        var observer = new RecordingObserver();

        await new StreamDecoder(observer, Readings.Country.Norway).DecodeAsync(new TrickleStream(stream.ToArray(), 7));

        Assert.Equal(whole.ReadingTexts, observer.ReadingTexts);
        Assert.Equal(whole.Problems, observer.Problems);
    }

    private static string PristineReading(byte[] frame)
    {
        var alone = RecordingObserver.Decode(frame);
        Assert.Single(alone.Readings);
        return WithoutManufacturer(alone.ReadingJson[0]);
    }

    private static string WithoutManufacturer(JsonElement reading)
    {
        var properties = reading.EnumerateObject().Where(p => p.Name != "meter_manufacturer").Select(p => $"\"{p.Name}\":{p.Value.GetRawText()}");
        return "{" + string.Join(",", properties) + "}";
    }
}
