using System.Text;
using Han.TestCorpus;

namespace Han.Sources.Tests;

/// <summary>
/// Every real capture of the repository (the corpus and the samples), written in every form han reads,
/// reads back as exactly its bytes; and every dump of words, which would swap bytes, is refused or
/// reads back unchanged, never as other bytes. The tools' outputs for the whole corpus are made once
/// (<see cref="CorpusToolOutputs"/>).
/// </summary>
public sealed class CorpusHexFormsTests(CorpusToolOutputs tools) : IClassFixture<CorpusToolOutputs>
{
    public static TheoryData<string> ToolForms => [.. HexForms.ToolForms];

    public static TheoryData<string> WordDumpForms => [.. HexForms.WordDumpForms];

    public static TheoryData<string> WrittenForms => [.. HexForms.WrittenForms];

    public static TheoryData<int> SpacedLineLengths => [.. HexForms.SpacedLineLengths];

    [Theory]
    [MemberData(nameof(ToolForms))]
    public async Task OpenAsync_EveryCaptureAsTheToolWritesIt_GivesExactlyItsBytes(string form)
    {
        AssertNone(await Misreadings(form, tools.Readable[form]));
    }

    [Theory]
    [MemberData(nameof(WrittenForms))]
    public async Task OpenAsync_EveryCaptureInAWrittenForm_GivesExactlyItsBytes(string form)
    {
        AssertNone(await Misreadings(form, [.. RepositoryCaptures.All.Select(capture => HexForms.Write(form, capture.Bytes))]));
    }

    [Theory]
    [MemberData(nameof(SpacedLineLengths))]
    public async Task OpenAsync_EveryCaptureAsSpacedHex_GivesExactlyItsBytes(int perLine)
    {
        AssertNone(await Misreadings($"{perLine} a line", [.. RepositoryCaptures.All.Select(capture => HexForms.Spaced(capture.Bytes, "\n", Encoding.ASCII, perLine))]));
    }

    [Theory]
    [MemberData(nameof(WordDumpForms))]
    public async Task OpenAsync_EveryCaptureAsADumpOfWords_IsRefusedOrGivesItsBytesNeverOthers(string form)
    {
        var misread = new List<string>();
        var texts = tools.WordDumps[form];
        for (var i = 0; i < texts.Length; i++)
        {
            var (bytes, error) = await Read(texts[i]);
            if (error is null && !bytes.AsSpan().SequenceEqual(RepositoryCaptures.All[i].Bytes))
            {
                misread.Add($"{RepositoryCaptures.All[i].Id}: read as {bytes.Length} other bytes with no error");
            }
        }

        AssertNone(misread);
    }

    private static void AssertNone(List<string> misread) =>
        Assert.True(misread.Count == 0, $"{misread.Count} of {RepositoryCaptures.All.Count} captures:{Environment.NewLine}{string.Join(Environment.NewLine, misread)}");

    /// <summary>The captures whose text in <paramref name="form"/> does not read as exactly their bytes, with what went wrong.</summary>
    private static async Task<List<string>> Misreadings(string form, byte[][] texts)
    {
        var misread = new List<string>();
        for (var i = 0; i < texts.Length; i++)
        {
            var (bytes, error) = await Read(texts[i]);
            var expected = RepositoryCaptures.All[i].Bytes;
            if (error is not null || !bytes.AsSpan().SequenceEqual(expected))
            {
                misread.Add($"{form}, {RepositoryCaptures.All[i].Id}: {bytes.Length} of {expected.Length} bytes, {error?.Message ?? "other bytes"}");
            }
        }

        return misread;
    }

    private static async Task<(byte[] Bytes, InvalidDataException? Error)> Read(byte[] text)
    {
        try
        {
            await using var stream = await InputOpener.OpenAsync(new MemoryStream(text));
            return HexTestText.Drain(stream);
        }
        catch (InvalidDataException refused)
        {
            return ([], refused);
        }
    }
}
