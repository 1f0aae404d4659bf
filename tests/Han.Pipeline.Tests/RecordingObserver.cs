using System.Text.Json;
using Han.Protocol.Dlms.Security;
using Han.Readings;
using Han.Readings.Json;
using Han.TestCorpus;

namespace Han.Pipeline.Tests;

/// <summary>Keeps everything the decoder reports, readings also as their JSON objects.</summary>
internal sealed class RecordingObserver : DecodeObserver
{
    public List<MeterReading> Readings { get; } = [];

    public List<JsonElement> ReadingJson { get; } = [];

    public List<DecodeProblem> Problems { get; } = [];

    public override void OnReading(MeterReading reading, long offset)
    {
        Readings.Add(reading);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, ReadingJsonWriter.Options))
        {
            new ReadingJsonWriter().Write(writer, reading);
        }

        ReadingJson.Add(JsonDocument.Parse(buffer.ToArray()).RootElement.Clone());
    }

    public override void OnProblem(in DecodeProblem problem) => Problems.Add(problem);

    /// <summary>Decodes a corpus case with its market and its published keys.</summary>
    public static RecordingObserver Decode(VectorCase vector, bool withKeys = true)
    {
        var observer = new RecordingObserver();
        var options = new DecoderOptions(
            Country.Parse(vector.Country),
            withKeys && vector.KeyHex is { } key ? EncryptionKey.FromHex(key) : null,
            withKeys && vector.AuthKeyHex is { } authentication ? AuthenticationKey.FromHex(authentication) : null);
        using var decoder = new StreamDecoder(observer, options);
        decoder.Decode(vector.Input);
        return observer;
    }

    public static RecordingObserver Decode(byte[] input, string country = "NO")
    {
        var observer = new RecordingObserver();
        using var decoder = new StreamDecoder(observer, Country.Parse(country));
        decoder.Decode(input);
        return observer;
    }
}
