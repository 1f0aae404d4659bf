using System.Buffers;
using FsCheck;
using FsCheck.Fluent;
using Han.Protocol.Diagnostics;
using Han.Readings;
using Han.TestCorpus;

namespace Han.Pipeline.Tests;

/// <summary>
/// No input can crash or hang the decoder (issue acceptance: at least 100,000 mutated real frames per
/// run). Half of the mutated frames are re-sealed with correct checksums, so the mutations reach the
/// DLMS, A-XDR and profile layers instead of stopping at the FCS.
/// </summary>
public sealed class DecoderPropertyTests
{
    private const int MutatedFrameRuns = 100_000;

    private static readonly byte[][] Seeds = [.. Vectors.All.Where(c => c.Kind is "hdlc" or "hdlc-stream" or "llc" or "apdu" && c.Input.Length < 2100).Select(c => c.Input)];

    [Fact]
    public void Decode_MutatedRealFrames_NeverThrowsAndAccountsForEveryByte()
    {
        var property = Prop.ForAll(Arb.From(MutatedInput()), input =>
        {
            var decoder = new StreamDecoder(new RecordingObserver(), Country.Norway);
            decoder.Decode(input);
            var framing = decoder.Counters.Framing;
            return decoder.Counters.Bytes == input.Length
                && (decoder.Kind != InputKind.HdlcStream || framing.FrameBytes + framing.DiscardedBytes == input.Length);
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(MutatedFrameRuns).WithStartSize(1), property);
    }

    [Fact]
    public void Annotate_MutatedRealFrames_NeverThrowsAndStaysInsideTheInput()
    {
        var property = Prop.ForAll(Arb.From(MutatedInput()), input =>
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
        var gen = from input in MutatedInput()
                  from cut in Gen.Choose(0, Math.Max(0, input.Length))
                  select (input, cut);
        var property = Prop.ForAll(Arb.From(gen), sample =>
        {
            var whole = RecordingObserver.Decode(sample.input);
            var split = new RecordingObserver();
            var decoder = new StreamDecoder(split, Country.Norway);
            var first = new ReadOnlySequence<byte>(sample.input[..sample.cut]);
            decoder.Feed(ref first, isFinalBlock: false);
            var rest = new ReadOnlySequence<byte>([.. first.ToArray(), .. sample.input[sample.cut..]]);
            decoder.Feed(ref rest, isFinalBlock: true);
            decoder.Complete();
            return whole.Problems.SequenceEqual(split.Problems)
                && whole.ReadingJson.Select(r => r.GetRawText()).SequenceEqual(split.ReadingJson.Select(r => r.GetRawText()));
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(5_000), property);
    }

    /// <summary>A real capture with 1-4 random mutations; half re-sealed as a CRC-valid frame.</summary>
    private static Gen<byte[]> MutatedInput() =>
        from seed in Gen.Elements(Seeds)
        from mutations in Gen.Choose(1, 4)
        from randomSeed in ArbMap.Default.GeneratorFor<int>()
        from reseal in ArbMap.Default.GeneratorFor<bool>()
        select Mutate(seed, mutations, randomSeed, reseal);

    private static byte[] Mutate(byte[] seed, int mutations, int randomSeed, bool reseal)
    {
        var random = new Random(randomSeed);
        var isFrame = seed[0] == 0x7E && seed.Length > 12;
        var target = reseal && isFrame ? HdlcFrameBuilder.InformationOf(seed) : seed;
        var bytes = new List<byte>(target);
        for (var i = 0; i < mutations; i++)
        {
            var at = random.Next(Math.Max(1, bytes.Count));
            switch (random.Next(7))
            {
                case 0 when bytes.Count > 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when bytes.Count > 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 2:
                    bytes.InsertRange(Math.Min(at, bytes.Count), Enumerable.Range(0, random.Next(1, 9)).Select(_ => (byte)random.Next(256)));
                    break;
                case 3 when bytes.Count > 0:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 9), bytes.Count - at));
                    break;
                case 4:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 5 when bytes.Count > 0:
                    bytes.InsertRange(at, bytes.GetRange(at, Math.Min(random.Next(1, 40), bytes.Count - at)));
                    break;
                default:
                    // Typical length and count bytes: make one huge.
                    if (bytes.Count > 0)
                    {
                        bytes[at] = (byte)(0x80 | random.Next(1, 5));
                    }

                    break;
            }
        }

        if (reseal && isFrame && bytes.Count < 2000)
        {
            return HdlcFrameBuilder.Push([.. bytes]);
        }

        return [.. bytes];
    }
}
