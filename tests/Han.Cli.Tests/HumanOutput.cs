using Han.Protocol;

namespace Han.Cli.Tests;

/// <summary>What a user sees of a capture: every human view of <c>han decode</c> and <c>han diagnose</c>'s report.</summary>
internal sealed record HumanOutput(string View, string Text)
{
    public static readonly string[] Formats = ["text", "fields", "tree", "hex"];

    /// <summary>Runs the capture through every human view and the diagnosis, in-process from standard input.</summary>
    public static async Task<IReadOnlyList<HumanOutput>> Of(byte[] capture)
    {
        var outputs = new List<HumanOutput>();
        foreach (var format in Formats)
        {
            var result = await HanRunner.Run(capture, "decode", "--format", format, "-");
            outputs.Add(new(format, result.Stdout + result.Stderr));
        }

        var diagnosis = await HanRunner.Run(capture, "diagnose", "--no-bundle", "-");
        outputs.Add(new("diagnose", diagnosis.Stdout + diagnosis.Stderr));
        return outputs;
    }

    /// <summary>Where the first control or bidirectional character other than the line break is; -1 when there is none.</summary>
    public int FirstRawCharacter() => Text.AsSpan().IndexOfAny(RawCharacters);

    /// <summary>The output around <see cref="FirstRawCharacter"/>, escaped, for a failure message.</summary>
    public string Around(int index) =>
        $"{View}: U+{(int)Text[index]:X4} at {index} in \"{PrintableText.Escape(Text[Math.Max(0, index - 40)..Math.Min(Text.Length, index + 40)])}\"";

    private static readonly System.Buffers.SearchValues<char> RawCharacters = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x10000).Select(c => (char)c).Where(c => c != '\n' && (char.IsControl(c) || PrintableText.IsUnsafe(c)))]);
}
