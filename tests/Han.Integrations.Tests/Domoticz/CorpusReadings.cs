using Han.Live;
using Han.Pipeline;
using Han.Readings;
using Han.TestCorpus;

namespace Han.Integrations.Tests.Domoticz;

/// <summary>Real meter frames of the corpus, decoded by the real decoder and made live by a real <see cref="MeterState"/>.</summary>
internal sealed class CorpusReadings
{
    private readonly MeterState _state = new(new MeterStateOptions());

    public static MeterReading Decode(string vectorId, DateTimeOffset received)
    {
        var observer = new Collector();
        using (var decoder = new StreamDecoder(observer, Country.Norway))
        {
            decoder.Add(Vectors.ById(vectorId).Input, received);
            decoder.End();
        }

        return Assert.Single(observer.Readings);
    }

    /// <summary>The vector's reading, received at <paramref name="received"/>, through this meter's live state.</summary>
    public LiveReading Live(string vectorId, DateTimeOffset received) => _state.Add(Decode(vectorId, received));

    private sealed class Collector : DecodeObserver
    {
        public List<MeterReading> Readings { get; } = [];

        public override void OnReading(MeterReading reading, long offset) => Readings.Add(reading);
    }
}
