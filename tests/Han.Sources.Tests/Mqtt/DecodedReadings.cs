using System.Text.Json;
using Han.Pipeline;
using Han.Readings;
using Han.Readings.Json;
using Han.Sources.Live;

namespace Han.Sources.Tests.Mqtt;

/// <summary>Decodes a live source's chunks as han's commands do (one decoder, every chunk in turn) and keeps each reading as its JSON object.</summary>
internal sealed class DecodedReadings : DecodeObserver, IDisposable
{
    private readonly StreamDecoder _decoder;

    public DecodedReadings(string country = "NO")
    {
        _decoder = new StreamDecoder(this, Country.Parse(country));
    }

    public List<JsonElement> Readings { get; } = [];

    public List<DecodeProblem> Problems { get; } = [];

    public DecodeCounters Counters => _decoder.Counters;

    public void Add(in ReceivedChunk chunk)
    {
        lock (_decoder)
        {
            _decoder.Add(chunk);
        }
    }

    public JsonElement[] Snapshot()
    {
        lock (_decoder)
        {
            return [.. Readings];
        }
    }

    public override void OnReading(MeterReading reading, long offset)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, ReadingJsonWriter.Options))
        {
            new ReadingJsonWriter().Write(writer, reading);
        }

        Readings.Add(JsonDocument.Parse(buffer.ToArray()).RootElement.Clone());
    }

    public override void OnProblem(in DecodeProblem problem) => Problems.Add(problem);

    public void Dispose() => _decoder.Dispose();
}
