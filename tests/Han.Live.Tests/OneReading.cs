using Han.Pipeline;
using Han.Readings;

namespace Han.Live.Tests;

/// <summary>The one reading a real frame holds, decoded by the real decoder with a receive time.</summary>
internal static class OneReading
{
    public static MeterReading Decode(byte[] frame, DateTimeOffset received)
    {
        var observer = new Collector();
        using var decoder = new StreamDecoder(observer, Country.Norway);
        decoder.Add(frame, received);
        decoder.End();
        return Assert.Single(observer.Readings);
    }

    private sealed class Collector : DecodeObserver
    {
        public List<MeterReading> Readings { get; } = [];

        public override void OnReading(MeterReading reading, long offset) => Readings.Add(reading);
    }
}
