using Han.Readings;
using Han.TestCorpus;

namespace Han.Pipeline.Tests;

/// <summary>Bytes from a live source carry the time they arrived; a reading carries the time of the bytes that completed it (issue 8, point 4).</summary>
public sealed class ReceiveTimeTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 11, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Add_FrameSplitOverTwoArrivals_ReadingCarriesTheSecondArrivalsTime()
    {
        var frame = RealFrames.KamstrupList2;
        var observer = new RecordingObserver();
        using var decoder = new StreamDecoder(observer, Country.Norway);

        decoder.Add(frame.AsSpan(0, 100), Noon);
        Assert.Empty(observer.Readings);
        decoder.Add(frame.AsSpan(100), Noon.AddMilliseconds(480));

        var reading = Assert.Single(observer.Readings);
        Assert.Equal(Noon.AddMilliseconds(480), reading.Received);
        Assert.Equal("2026-12-01T11:00:00.480Z", observer.ReadingJson[0].GetProperty("received").GetString());
        Assert.Equal("2024-10-30T17:32:00", observer.ReadingJson[0].GetProperty("meter_time").GetString());
    }

    [Fact]
    public void Add_TwoFramesInOneArrival_BothCarryItsTime_AndTheHeldRestWaits()
    {
        var frame = RealFrames.KamstrupList2;
        var observer = new RecordingObserver();
        using var decoder = new StreamDecoder(observer, Country.Norway);

        decoder.Add([.. frame, .. frame, .. frame.AsSpan(0, 10)], Noon);
        decoder.Add(frame.AsSpan(10), Noon.AddSeconds(10));

        Assert.Equal([Noon, Noon, Noon.AddSeconds(10)], observer.Readings.Select(reading => reading.Received));
        // The last closing flag may be held: it can also open the next frame.
        Assert.InRange(decoder.Counters.Bytes, (3 * frame.Length) - 1, 3 * frame.Length);
    }

    [Fact]
    public void Decode_FileWithoutReceiveTimes_HasNoReceivedKey()
    {
        var observer = RecordingObserver.Decode(Vectors.ById("amsreader-kamstrup-no-gh862-3"));

        Assert.Null(Assert.Single(observer.Readings).Received);
        Assert.False(observer.ReadingJson[0].TryGetProperty("received", out _));
    }

    [Fact]
    public void End_FrameCutShortWhenTheSourceEnds_IsReportedAsTruncated()
    {
        var observer = new RecordingObserver();
        using var decoder = new StreamDecoder(observer, Country.Norway);

        decoder.Add(RealFrames.KamstrupList2.AsSpan(0, 50), Noon);
        decoder.End();

        Assert.Equal(Han.Protocol.DecodeError.Truncated, observer.Problems[0].Error);
        Assert.Equal(50, decoder.Counters.Bytes);
    }

    [Fact]
    public void Break_FrameCutByALostLine_IsReportedAtOnceAndTheNextBytesAreReadAsTheyCome()
    {
        var observer = new RecordingObserver();
        using var decoder = new StreamDecoder(observer, Country.Norway);
        decoder.Add([.. RealFrames.KaifaList3, .. RealFrames.AidonList3.AsSpan(0, 20)], Noon);

        decoder.Break();
        Assert.Equal(RealFrames.KaifaList3.Length, observer.Problems[0].Offset);
        Assert.Equal(RealFrames.KaifaList3.Length + 20, decoder.Counters.Bytes);
        // 228 bytes: fewer than the 376 the cut frame lacked, which would have held them back.
        decoder.Add(RealFrames.KamstrupList2, Noon.AddSeconds(10));

        Assert.Equal(["Kaifa", "Kamstrup"], observer.Readings.Select(reading => reading.MeterManufacturer));
        Assert.Equal(Noon.AddSeconds(10), observer.Readings[1].Received);
        Assert.Equal(20, decoder.Counters.Framing.DiscardedBytes);
    }

    [Fact]
    public void Break_BeforeTheKindOfInputIsKnown_KeepsTheBytesForItsDetection()
    {
        var observer = new RecordingObserver();
        using var decoder = new StreamDecoder(observer, Country.Norway);
        decoder.Add(RealFrames.KamstrupList2.AsSpan(0, 2), Noon);

        decoder.Break();
        decoder.Add(RealFrames.KamstrupList2.AsSpan(2), Noon.AddSeconds(1));

        Assert.Single(observer.Readings);
        Assert.Empty(observer.Problems);
    }
}
