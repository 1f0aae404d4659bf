using Han.Readings;
using Han.TestCorpus;

namespace Han.Pipeline.Tests;

/// <summary>
/// <see cref="StreamDecoder.EndMessage"/>: a source that delivers whole messages (MQTT) never lets one
/// message's bytes wait for the next's, yet a list sent as several frames, one per message, is joined.
/// </summary>
public sealed class MessageEndTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void EndMessage_MessageEndingInsideAFrame_ReportsItAtOnceAndReadsTheNextMessage()
    {
        var observer = new RecordingObserver();
        using var decoder = new StreamDecoder(observer, Country.Norway);
        decoder.Add([.. RealFrames.KaifaList3, .. RealFrames.AidonList3.AsSpan(0, 20)], Noon);

        decoder.EndMessage();
        Assert.Single(observer.Readings);
        Assert.NotEmpty(observer.Problems);
        decoder.Add(RealFrames.KamstrupList2, Noon.AddSeconds(10));
        decoder.EndMessage();

        Assert.Equal(["Kaifa", "Kamstrup"], observer.Readings.Select(reading => reading.MeterManufacturer));
        Assert.Equal(RealFrames.KaifaList3.Length + 20 + RealFrames.KamstrupList2.Length, decoder.Counters.Bytes);
    }

    [Fact]
    public void EndMessage_ListSentAsThreeFramesOneMessageEach_IsStillJoined()
    {
        // Landis+Gyr (Switzerland): one list in three HDLC frames carrying general-block-transfer blocks.
        var vector = Vectors.ById("amsreader-lg-ch-gh740-gbt-3-segments");
        var frames = Frames(vector.Input);
        var observer = new RecordingObserver();
        using var decoder = new StreamDecoder(observer, RecordingObserver.OptionsFor(vector));

        foreach (var frame in frames)
        {
            decoder.Add(frame, Noon);
            decoder.EndMessage();
        }

        Assert.Equal(3, frames.Count);
        var reading = Assert.Single(observer.ReadingJson);
        Assert.Empty(ExpectedValues.Mismatches(vector, reading));
    }

    /// <summary>The frames of an HDLC stream, by their length fields.</summary>
    private static List<byte[]> Frames(byte[] stream)
    {
        var frames = new List<byte[]>();
        var at = 0;
        while (at + 3 < stream.Length && stream[at] == 0x7E)
        {
            var length = ((stream[at + 1] & 0x07) << 8) | stream[at + 2];
            frames.Add(stream[at..(at + length + 2)]);
            at += length + 2;
        }

        return frames;
    }
}
