using Han.Cli.Arguments;
using Han.Cli.Io;
using Han.TestCorpus;

namespace Han.Cli.Tests;

/// <summary>A mistyped key option never gets the key printed back (issue 7, point 7).</summary>
public sealed class KeyEchoTests
{
    private static readonly VectorCase Encrypted = Vectors.ById("austria-evn-doc-kaifa-ma309");

    public static TheoryData<string[], string> Mistypes()
    {
        var key = Encrypted.KeyHex!;
        var capture = HanRunner.TempFile(Encrypted.Input, asHex: true);
        var pieces = key.Chunk(4).Select(piece => new string(piece)).ToArray();
        // What standard error must say instead: a mistyped option is named as one, a key where a file was
        // expected is hidden.
        const string hidden = SecretArguments.Placeholder;
        return new TheoryData<string[], string>
        {
            { ["decode", "--kye", key, capture], "unknown option --kye (did you mean --key?)" },
            { ["decode", "--Key", key, capture], "unknown option --Key (did you mean --key?)" },
            { ["decode", "--KEY", key, capture], "unknown option --KEY (did you mean --key?)" },
            { ["decode", "--auth_key", key, capture], "unknown option --auth_key (did you mean --auth-key?)" },
            { ["decode", "--kye=" + key, capture], $"unknown option --kye={hidden} (did you mean --key?)" },
            { ["decode", "--key", key[..16], key[16..], capture], "--key has 16 hex digits; expected 32" },
            { ["decode", "--key", .. pieces, capture], "--key has 4 hex digits; expected 32" },
            { ["decode", key, capture], $"han decode: {hidden}: Could not find file" },
            { ["diagnose", "--no-bundle", "--kye", key, capture], $"Unrecognized command or argument '{hidden}'" },
            { ["diagnose", "--no-bundle", "--key", key[..16], key[16..], capture], "--key has 16 hex digits; expected 32" },
            { ["diagnose", "--no-bundle", "--Auth-Key", key, capture], $"Unrecognized command or argument '{hidden}'" },
        };
    }

    [Theory]
    [MemberData(nameof(Mistypes))]
    public async Task Run_MistypedKeyOption_FailsWithoutShowingTheKeyOrAnyPieceOfIt(string[] args, string expected)
    {
        var key = Encrypted.KeyHex!;

        var result = await HanRunner.Run(args);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);

        var printed = result.Stdout + result.Stderr;
        for (var start = 0; start + 4 <= key.Length; start += 4)
        {
            Assert.DoesNotContain(key.Substring(start, 4), printed, StringComparison.OrdinalIgnoreCase);
        }
    }
}
