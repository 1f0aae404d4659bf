using System.Buffers;
using System.Text;
using Han.TestCorpus;

namespace Han.Pipeline.Tests;

public sealed class InputDetectorTests
{
    public static TheoryData<string> DecodableVectors() => [.. Vectors.All.Where(c => c.ExpectReadings > 0).Select(c => c.Id)];

    [Theory]
    [MemberData(nameof(DecodableVectors))]
    public void Detect_EveryVectorThatDecodes_IsTheKindItsCorpusEntryNames(string id)
    {
        var vector = Vectors.ById(id);

        Assert.Equal(KindOf(vector), InputDetector.Detect(new ReadOnlySequence<byte>(vector.Input), isFinalBlock: true));
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

    /// <summary>Every first byte (or LLC header) a lone message starts with, before a real HDLC, M-Bus and P1 capture.</summary>
    public static TheoryData<string, string> MessageStartsBeforeFramedCaptures()
    {
        var data = new TheoryData<string, string>();
        foreach (var start in NoisyStart.MessageStarts)
        {
            foreach (var id in new[] { "amsreader-kamstrup-no-gh862-3", "austria-tinetz-example-kaifa", "dsmr-nl-v50-two-mbus" })
            {
                data.Add(start, id);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MessageStartsBeforeFramedCaptures))]
    public void Detect_MessageStartBeforeAFramedCapture_IsTheFramedFormatWithoutWaitingForTheEnd(string start, string id)
    {
        var vector = Vectors.ById(id);
        var input = new ReadOnlySequence<byte>([.. Convert.FromHexString(start), .. vector.Input]);

        // On a live line the input never ends: a good frame must be enough.
        Assert.Equal(KindOf(vector), InputDetector.Detect(input, isFinalBlock: false));
        Assert.Equal(KindOf(vector), InputDetector.Detect(input, isFinalBlock: true));
    }

    public static TheoryData<string> LoneMessageVectors() =>
        [.. Vectors.All.Where(c => c.ExpectReadings > 0 && KindOf(c) is InputKind.LlcMessage or InputKind.ApduMessage).Select(c => c.Id)];

    [Theory]
    [MemberData(nameof(LoneMessageVectors))]
    public void Detect_LoneMessage_IsOneOnlyOnceTheInputHasEnded(string id)
    {
        // Until the end, more bytes could still make it a stream with noise at its start.
        var vector = Vectors.ById(id);
        var input = new ReadOnlySequence<byte>(vector.Input);

        Assert.Equal(InputKind.Unknown, InputDetector.Detect(input, isFinalBlock: false));
        Assert.Equal(KindOf(vector), InputDetector.Detect(input, isFinalBlock: true));
    }

    [Theory]
    [MemberData(nameof(LoneMessageVectors))]
    public void Decode_LoneMessageFollowedByALineEnd_GivesTheSameReadingsAndNoProblem(string id)
    {
        // mosquitto_sub (and a shell's echo) end every payload with a line break.
        var vector = Vectors.ById(id);
        var bare = RecordingObserver.Decode(vector);

        foreach (var lineEnd in new[] { "\n"u8.ToArray(), "\r\n"u8.ToArray() })
        {
            var ended = RecordingObserver.Decode(vector, [.. vector.Input, .. lineEnd]);

            Assert.Equal(bare.ReadingJson.Select(reading => reading.GetRawText()), ended.ReadingJson.Select(reading => reading.GetRawText()));
            Assert.Equal(bare.Problems, ended.Problems);
        }
    }

    public static TheoryData<string, string> NotOneWholeMessage() => new()
    {
        { "cut short by a byte", Convert.ToHexString(Vectors.ById("amsreader-kamstrup-ch-gh350-2-apdu").Input[..^1]) },
        { "followed by a line end and more", Convert.ToHexString(Vectors.ById("amsreader-kamstrup-ch-gh350-2-apdu").Input) + "0A00" },
        { "followed by two line ends", Convert.ToHexString(Vectors.ById("amsreader-kamstrup-ch-gh350-2-apdu").Input) + "0A0A" },
        { "LLC field followed by a byte", Convert.ToHexString(Vectors.ById("amshan-aidon-no-list1").Input) + "00" },
        { "ciphered APDU cut short", Convert.ToHexString(Vectors.ById("openhab-lu-smarty-encrypted").Input[..^1]) },
        { "LLC header alone", "E6E700" },
        { "general-ciphering, which han cannot read", "DD0000000000" },
    };

    [Theory]
    [MemberData(nameof(NotOneWholeMessage))]
    public void Detect_InputThatStartsLikeAMessageButIsNotOneWholeMessage_IsNoise(string what, string hex)
    {
        // With no checksum to go by, such an input is noise like any other ("bytes outside any frame").
        var kind = InputDetector.Detect(new ReadOnlySequence<byte>(Convert.FromHexString(hex)), isFinalBlock: true);

        Assert.True(kind == InputKind.HdlcStream, $"{what}: {kind}");
    }

    /// <summary>The input kind a corpus case's kind names.</summary>
    internal static InputKind KindOf(VectorCase vector) => vector.Kind switch
    {
        "hdlc" or "hdlc-stream" => InputKind.HdlcStream,
        "mbus" => InputKind.MBusStream,
        "dsmr" => InputKind.P1Stream,
        "llc" => InputKind.LlcMessage,
        "apdu" or "dsmr-encrypted" => InputKind.ApduMessage,
        _ => throw new InvalidOperationException($"corpus kind '{vector.Kind}' has no expected input kind"),
    };

    /// <summary>Copies of a real DSMR 5 telegram with one digit changed in each, so that only the CRC fails.</summary>
    internal static byte[] DamagedTelegrams(int count)
    {
        var telegram = Encoding.ASCII.GetString(Vectors.ById("dsmr-nl-v50-two-mbus").Input);
        var damaged = telegram.Replace("1-0:1.7.0(00.111*kW)", "1-0:1.7.0(00.112*kW)", StringComparison.Ordinal);
        Assert.NotEqual(telegram, damaged);
        return [.. Enumerable.Repeat(Encoding.ASCII.GetBytes(damaged), count).SelectMany(bytes => bytes)];
    }
}
