using FsCheck;
using FsCheck.Fluent;
using Han.Protocol;

namespace Han.Cli.Tests;

/// <summary>
/// Random control and bidirectional characters in the strings of real captures never reach a human view
/// raw (issue 7, point 6). Each run decodes a capture five times (four views and the diagnosis), so the
/// default run count stays small for CI; <c>HAN_CONTROL_CHARACTER_RUNS</c> raises it.
/// </summary>
public sealed class ControlCharacterPropertyTests
{
    private static readonly int Runs =
        int.TryParse(Environment.GetEnvironmentVariable("HAN_CONTROL_CHARACTER_RUNS"), out var runs) && runs > 0 ? runs : 200;

    private static readonly char[] Unsafe = [.. Enumerable.Range(0, 0x10000).Select(c => (char)c).Where(PrintableText.IsUnsafe)];

    private static readonly char[] Printable = [.. @"abcXYZ019 _-.:\é"];

    [Fact]
    public void HumanViews_RandomControlCharactersInRealCaptures_NeverReachTheOutputRaw()
    {
        var samples = from capture in Gen.Elements(HostileCapture.All.ToArray())
                      from length in Gen.Choose(1, 24)
                      from characters in Gen.ArrayOf(Gen.Frequency((1, Gen.Elements(Unsafe)), (1, Gen.Elements(Printable))), length)
                      select (capture, text: new string(characters));
        var property = Prop.ForAll(Arb.From(samples), sample =>
        {
            // Off the test's synchronisation context: the command line runs to its end here.
            var outputs = Task.Run(() => HumanOutput.Of(sample.capture.Build(sample.text))).GetAwaiter().GetResult();
            var tree = outputs.Single(output => output.View == "tree").Text;
            return outputs.All(output => output.FirstRawCharacter() < 0)
                && (!sample.capture.KeepsText || tree.Contains(PrintableText.Escape(sample.text), StringComparison.Ordinal));
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Runs), property);
    }
}
