using System.Buffers;
using System.Text;
using Han.TestCorpus;

namespace Han.Pipeline.Tests;

public sealed class InputDetectorTests
{
    public static TheoryData<string> DecodableVectors()
    {
        var data = new TheoryData<string>();
        foreach (var vector in Vectors.All.Where(c => c.ExpectReadings > 0))
        {
            data.Add(vector.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DecodableVectors))]
    public void Detect_EveryVectorThatDecodes_IsTheKindItsCorpusEntryNames(string id)
    {
        var vector = Vectors.ById(id);
        var expected = vector.Kind switch
        {
            "hdlc" or "hdlc-stream" => InputKind.HdlcStream,
            "mbus" => InputKind.MBusStream,
            "dsmr" => InputKind.P1Stream,
            "llc" => InputKind.LlcMessage,
            "apdu" or "dsmr-encrypted" => InputKind.ApduMessage,
            _ => throw new InvalidOperationException($"corpus kind '{vector.Kind}' has no expected input kind"),
        };

        Assert.Equal(expected, InputDetector.Detect(new ReadOnlySequence<byte>(vector.Input), isFinalBlock: true));
    }

    [Fact]
    public void Detect_TelegramsThatFailOnlyTheirCrc_AreP1NotNoise()
    {
        // A P1 user whose every telegram is damaged must hear "bad CRC", not "bytes outside any HDLC frame".
        var input = DamagedTelegrams(3);

        Assert.Equal(InputKind.P1Stream, InputDetector.Detect(new ReadOnlySequence<byte>(input), isFinalBlock: true));
    }

    [Fact]
    public void Detect_BytesWithoutAnyFrame_FallBackToHdlcOnceTheWindowIsComplete()
    {
        var noise = new byte[5000];
        new Random(7).NextBytes(noise);
        noise.AsSpan().Replace((byte)'/', (byte)0x20);

        Assert.Equal(InputKind.Unknown, InputDetector.Detect(new ReadOnlySequence<byte>(noise), isFinalBlock: false));
        Assert.Equal(InputKind.HdlcStream, InputDetector.Detect(new ReadOnlySequence<byte>(noise), isFinalBlock: true));
    }

    /// <summary>Copies of a real DSMR 5 telegram with one digit changed in each, so that only the CRC fails.</summary>
    internal static byte[] DamagedTelegrams(int count)
    {
        var telegram = Encoding.ASCII.GetString(Vectors.ById("dsmr-nl-v50-two-mbus").Input);
        var damaged = telegram.Replace("1-0:1.7.0(00.111*kW)", "1-0:1.7.0(00.112*kW)", StringComparison.Ordinal);
        Assert.NotEqual(telegram, damaged);
        return [.. Enumerable.Repeat(Encoding.ASCII.GetBytes(damaged), count).SelectMany(bytes => bytes)];
    }
}
