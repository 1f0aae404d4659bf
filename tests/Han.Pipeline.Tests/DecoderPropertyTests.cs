using System.Buffers;
using FsCheck;
using FsCheck.Fluent;
using Han.Protocol.Diagnostics;
using Han.Protocol.Dlms.Security;
using Han.Readings;
using Han.TestCorpus;

namespace Han.Pipeline.Tests;

/// <summary>
/// No input can crash or hang the decoder (issue acceptance: at least 100,000 mutated real frames per
/// run). Half of the mutated frames are re-sealed with correct checksums, so the mutations reach the
/// DLMS, A-XDR and profile layers instead of stopping at the FCS. <c>HAN_PROPERTY_RUNS</c> raises the
/// number of mutated captures for a longer search on a developer machine.
/// </summary>
public sealed class DecoderPropertyTests
{
    private static readonly int MutatedFrameRuns =
        int.TryParse(Environment.GetEnvironmentVariable("HAN_PROPERTY_RUNS"), out var runs) && runs > 100_000 ? runs : 100_000;

    /// <summary>Random prefixes tried before real captures (2,500 by default, about a second): the suite runs on every CI build.</summary>
    private static readonly int PrefixRuns = MutatedFrameRuns / 40;

    private static readonly VectorCase[] Seeds = [.. Vectors.All.Where(c => c.Input.Length < 2100)];

    /// <summary>Every real framed capture with the readings it gives clean, decoded once.</summary>
    private static readonly (VectorCase Vector, IReadOnlyList<string> Readings)[] CleanCaptures =
        [.. NoisyStart.FramedCaptures.Select(vector => (vector, RecordingObserver.Decode(vector).ReadingTexts))];

    [Fact]
    public void Decode_MutatedRealFrames_NeverThrowsAndAccountsForEveryByte()
    {
        var property = Prop.ForAll(Arb.From(MutatedInput()), capture =>
        {
            var input = capture.Bytes;
            using var decoder = new StreamDecoder(new RecordingObserver(), OptionsFor(capture));
            decoder.Decode(input);
            var framing = decoder.Counters.Framing;
            var framed = decoder.Kind is InputKind.HdlcStream or InputKind.MBusStream or InputKind.P1Stream;
            return decoder.Counters.Bytes == input.Length
                && (!framed || framing.FrameBytes + framing.DiscardedBytes == input.Length);
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(MutatedFrameRuns).WithStartSize(1), property);
    }

    [Fact]
    public void MutatedInput_ReachesEveryLayer()
    {
        // The property above is only as good as the inputs it sees: they must get past the checksums
        // and the cipher into every layer, not only be rejected at the door.
        var layers = new HashSet<Protocol.DecodeLayer>();
        var readings = 0;
        var insideDecrypted = 0;
        foreach (var capture in MutatedInput().Sample(3000, new Random(17).Next()))
        {
            var observer = new RecordingObserver();
            using var decoder = new StreamDecoder(observer, OptionsFor(capture));
            decoder.Decode(capture.Bytes);
            readings += observer.Readings.Count;
            layers.UnionWith(observer.Problems.Select(p => p.Layer));
            insideDecrypted += observer.Problems.Count(p => p.Detail.Contains("of the decrypted APDU", StringComparison.Ordinal));
        }

        Assert.True(readings > 100, $"only {readings} readings");
        Assert.True(insideDecrypted > 10, $"only {insideDecrypted} problems inside decrypted content");
        Assert.Superset(new HashSet<Protocol.DecodeLayer> { Protocol.DecodeLayer.Hdlc, Protocol.DecodeLayer.MBus, Protocol.DecodeLayer.P1, Protocol.DecodeLayer.Dlms, Protocol.DecodeLayer.Axdr, Protocol.DecodeLayer.Profile }, layers);
    }

    [Fact]
    public void Annotate_MutatedRealFrames_NeverThrowsAndStaysInsideTheInput()
    {
        var property = Prop.ForAll(Arb.From(MutatedInput().Select(capture => capture.Bytes)), input =>
        {
            var all = FrameAnnotator.AnnotateHdlc(input)
                .Concat(FrameAnnotator.AnnotateInformation(input))
                .Concat(FrameAnnotator.AnnotateApdu(input));
            return all.All(a => a.Offset >= 0 && a.Length >= 0 && a.Offset + a.Length <= input.Length);
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(20_000), property);
    }

    [Fact]
    public void Decode_RandomBytes_NeverThrows()
    {
        var property = Prop.ForAll(Arb.From(Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>())), input =>
        {
            var decoder = new StreamDecoder(new RecordingObserver(), Country.Norway);
            decoder.Decode(input);
            return decoder.Counters.Bytes == input.Length;
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(20_000).WithEndSize(600), property);
    }

    [Fact]
    public void Decode_InputSplitAnywhere_GivesTheSameResultAsInOnePiece()
    {
        var gen = from capture in MutatedInput()
                  from cut in Gen.Choose(0, Math.Max(0, capture.Bytes.Length))
                  select (input: capture.Bytes, cut);
        var property = Prop.ForAll(Arb.From(gen), sample =>
        {
            var whole = RecordingObserver.Decode(sample.input);
            var split = DecodeInTwoPieces(sample.input, sample.cut, new DecoderOptions(Country.Norway));
            return whole.Problems.SequenceEqual(split.Problems) && whole.ReadingTexts.SequenceEqual(split.ReadingTexts);
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(5_000), property);
    }

    [Fact]
    public void Decode_RandomPrefixBeforeARealCapture_LosesNoFrame()
    {
        // Issue 7, point 1: noise before a stream costs only itself, whatever its first bytes. The input
        // is also cut in two at a random point, as a live line hands it over, so that detection on a part
        // of it is tried too. Long captures (a stream of 559 frames) are drawn less often: one costs as
        // much as a hundred single frames.
        var captures = Gen.Frequency(CleanCaptures.Select(capture => (capture.Vector.Input.Length > 4096 ? 1 : 10, Gen.Constant(capture))));
        var gen = from capture in captures
                  from prefix in NoisePrefix()
                  from cut in Gen.Choose(0, prefix.Length + capture.Vector.Input.Length)
                  select (capture, input: (byte[])[.. prefix, .. capture.Vector.Input], cut);
        var property = Prop.ForAll(Arb.From(gen), sample =>
        {
            var observer = DecodeInTwoPieces(sample.input, sample.cut, RecordingObserver.OptionsFor(sample.capture.Vector));
            return observer.ReadingTexts.SequenceEqual(sample.capture.Readings)
                .Label($"{sample.capture.Vector.Id} after {Convert.ToHexString(sample.input[..^sample.capture.Vector.Input.Length])}, cut at {sample.cut}: {observer.Readings.Count} readings of {sample.capture.Readings.Count}");
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(PrefixRuns), property);
    }

    /// <summary>0 to 80 bytes of noise (<see cref="NoisyStart.Prefix"/>), drawn from a seed: generating each byte through FsCheck would cost more than decoding.</summary>
    private static Gen<byte[]> NoisePrefix() =>
        from length in Gen.Choose(0, 80)
        from seed in Gen.Choose(0, int.MaxValue)
        select NoisyStart.Prefix(length, new Random(seed));

    /// <summary>Decodes <paramref name="input"/> handed over in two pieces, as a line might: up to <paramref name="cut"/>, then the rest and the end.</summary>
    private static RecordingObserver DecodeInTwoPieces(byte[] input, int cut, DecoderOptions options)
    {
        var observer = new RecordingObserver();
        using var decoder = new StreamDecoder(observer, options);
        var first = new ReadOnlySequence<byte>(input[..cut]);
        decoder.Feed(ref first, isFinalBlock: false);
        var rest = new ReadOnlySequence<byte>([.. first.ToArray(), .. input[cut..]]);
        decoder.Feed(ref rest, isFinalBlock: true);
        decoder.Complete();
        return observer;
    }

    /// <summary>A real capture (of any kind) with 1-4 random mutations; half re-sealed behind valid checksums or a valid GCM seal.</summary>
    private static Gen<MutatedCapture> MutatedInput() =>
        from seed in Gen.Elements(Seeds)
        from mutations in Gen.Choose(1, 4)
        from randomSeed in Gen.Choose(0, int.MaxValue)
        from reseal in ArbMap.Default.GeneratorFor<bool>()
        select MutatedCapture.Create(seed, mutations, randomSeed, reseal);

    private static DecoderOptions OptionsFor(MutatedCapture capture) => new(
        Country.Norway,
        capture.KeyHex is null ? null : EncryptionKey.FromHex(capture.KeyHex),
        capture.AuthKeyHex is null ? null : AuthenticationKey.FromHex(capture.AuthKeyHex));
}
