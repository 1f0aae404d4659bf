using Han.Pipeline;
using Han.Protocol.Dlms.Security;
using Han.Readings;

namespace Han.Simulation.Tests;

/// <summary>What the real decoder makes of a byte stream: its readings with their offsets, and its problems.</summary>
internal sealed class Decoded : DecodeObserver
{
    public List<(MeterReading Reading, long Offset)> Readings { get; } = [];

    public List<DecodeProblem> Problems { get; } = [];

    public DecodeCounters Counters { get; private set; } = new();

    public static Decoded From(byte[] stream, EncryptionKey? key = null, AuthenticationKey? authenticationKey = null)
    {
        var decoded = new Decoded();
        using var decoder = new StreamDecoder(decoded, new DecoderOptions(Country.Norway, key, authenticationKey));
        decoder.Decode(stream);
        decoded.Counters = decoder.Counters;
        return decoded;
    }

    /// <summary>Every APDU decoded (after decryption), as its bytes.</summary>
    public List<byte[]> Apdus { get; } = [];

    public override void OnApdu(ReadOnlySpan<byte> apdu, long offset, int frames) => Apdus.Add(apdu.ToArray());

    public override void OnReading(MeterReading reading, long offset) => Readings.Add((reading, offset));

    public override void OnProblem(in DecodeProblem problem) => Problems.Add(problem);
}
