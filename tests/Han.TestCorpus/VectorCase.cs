using System.Text.Json;
using System.Text.Json.Serialization;

namespace Han.TestCorpus;

/// <summary>One real capture from shared/vectors/cases.json with the values its source states (see that folder's README).</summary>
public sealed record VectorCase
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("source")]
    public string Source { get; init; } = string.Empty;

    [JsonPropertyName("vendor")]
    public string Vendor { get; init; } = string.Empty;

    [JsonPropertyName("country")]
    public string Country { get; init; } = string.Empty;

    [JsonPropertyName("kind")]
    public string Kind { get; init; } = string.Empty;

    [JsonPropertyName("input_hex")]
    public string InputHex { get; init; } = string.Empty;

    [JsonPropertyName("key_hex")]
    public string? KeyHex { get; init; }

    [JsonPropertyName("auth_key_hex")]
    public string? AuthKeyHex { get; init; }

    [JsonPropertyName("expect_readings")]
    public int ExpectReadings { get; init; }

    [JsonPropertyName("expected")]
    public Dictionary<string, JsonElement> Expected { get; init; } = [];

    [JsonPropertyName("trust")]
    public string Trust { get; init; } = string.Empty;

    [JsonPropertyName("notes")]
    public string Notes { get; init; } = string.Empty;

    public byte[] Input => Convert.FromHexString(InputHex);

    public override string ToString() => Id;
}
