using Han.Cli.Io;
using Han.TestCorpus;

namespace Han.Cli.Tests;

/// <summary>A mistyped key option never gets the key printed back (issue 7, point 7).</summary>
public sealed class KeyEchoTests
{
    private static readonly VectorCase Encrypted = Vectors.ById("austria-evn-doc-kaifa-ma309");

    public static TheoryData<string[], bool> Mistypes()
    {
        var key = Encrypted.KeyHex!;
        var capture = HanRunner.TempFile(Encrypted.Input, asHex: true);
        var pieces = key.Chunk(4).Select(piece => new string(piece)).ToArray();
        // true: the parser or the file opener would repeat the key in its message, so the placeholder must stand there.
        return new TheoryData<string[], bool>
        {
            { ["decode", "--kye", key, capture], true },
            { ["decode", "--Key", key, capture], true },
            { ["decode", "--KEY", key, capture], true },
            { ["decode", "--auth_key", key, capture], true },
            { ["decode", "--kye=" + key, capture], true },
            { ["decode", "--key", key[..16], key[16..], capture], false },
            { ["decode", "--key", .. pieces, capture], false },
            { ["decode", key, capture], true },
            { ["diagnose", "--no-bundle", "--kye", key, capture], true },
            { ["diagnose", "--no-bundle", "--key", key[..16], key[16..], capture], false },
            { ["diagnose", "--no-bundle", "--Auth-Key", key, capture], true },
        };
    }

    [Theory]
    [MemberData(nameof(Mistypes))]
    public async Task Run_MistypedKeyOption_FailsWithoutShowingTheKeyOrAnyPieceOfIt(string[] args, bool wouldBeEchoed)
    {
        var key = Encrypted.KeyHex!;

        var result = await HanRunner.Run(args);

        Assert.NotEqual(0, result.ExitCode);
        Assert.NotEmpty(result.Stderr);
        if (wouldBeEchoed)
        {
            Assert.Contains(SecretArguments.Placeholder, result.Stderr, StringComparison.Ordinal);
        }

        var printed = result.Stdout + result.Stderr;
        for (var start = 0; start + 4 <= key.Length; start += 4)
        {
            Assert.DoesNotContain(key.Substring(start, 4), printed, StringComparison.OrdinalIgnoreCase);
        }
    }
}
