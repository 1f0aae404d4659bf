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
    public static RecordingObserver Decode(VectorCase vector, bool withKeys = true) => Decode(vector, vector.Input, withKeys);

    /// <summary>Decodes <paramref name="input"/> (a corpus case changed by a test) with the case's market and keys.</summary>
    public static RecordingObserver Decode(VectorCase vector, byte[] input, bool withKeys = true)
    {
        var observer = new RecordingObserver();
        using var decoder = new StreamDecoder(observer, OptionsFor(vector, withKeys));
        decoder.Decode(input);
        return observer;
    }

    public static DecoderOptions OptionsFor(VectorCase vector, bool withKeys = true) => new(
        Country.Parse(vector.Country),
        withKeys && vector.KeyHex is { } key ? EncryptionKey.FromHex(key) : null,
        withKeys && vector.AuthKeyHex is { } authentication ? AuthenticationKey.FromHex(authentication) : null);

    /// <summary>The readings as JSON text, for comparing two decodes.</summary>
    public IReadOnlyList<string> ReadingTexts => [.. ReadingJson.Select(reading => reading.GetRawText())];

    public static RecordingObserver Decode(byte[] input, string country = "NO")
    {
        var observer = new RecordingObserver();
        using var decoder = new StreamDecoder(observer, Country.Parse(country));
        decoder.Decode(input);
        return observer;
    }
}
