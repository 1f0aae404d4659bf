using Han.Live;
using Han.Live.Fanout;
using Han.Live.Tests;
using Han.TestCorpus;

namespace Han.Integrations.Tests.HomeAssistant;

/// <summary>Real frames of the corpus, decoded by the real decoder and passed through a meter's live state: the events a sink gets in han run.</summary>
internal sealed class MeterFeed(string meter)
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly MeterState _state = new(new MeterStateOptions());

    public ReadingMade Reading(string vectorId, double secondsAfterStart)
    {
        var at = Start.AddSeconds(secondsAfterStart);
        var live = _state.Add(OneReading.Decode(Vectors.ById(vectorId).Input, at));
        return new ReadingMade(meter, at, live);
    }

    public LineStatus Line(double secondsAfterStart, string? lineSettings = "2400 8E1") =>
        new(meter, Start.AddSeconds(secondsAfterStart), "connected", lineSettings, 3, 3, 0, 0, 0, 0, Start.AddSeconds(secondsAfterStart));
}
