using Han.TestCorpus;

namespace Han.Pipeline.Tests;

/// <summary>The repository's copies of the corpus stay identical to shared/vectors (which must never be edited).</summary>
public sealed class CorpusCopyTests
{
    public static TheoryData<string> FileNames() => [.. Vectors.SharedFileNames];

    [Theory]
    [MemberData(nameof(FileNames))]
    public void EmbeddedCorpus_WhenTheSharedFolderIsPresent_IsAnExactCopy(string fileName)
    {
        var shared = Path.GetFullPath(Path.Combine(Vectors.RepositoryRoot(), "..", "shared", "vectors", fileName));
        if (!File.Exists(shared))
        {
            // A clone outside the workspace has only the copy; there is nothing to compare with.
            Assert.NotEmpty(Vectors.RawFile(fileName));
            return;
        }

        Assert.Equal(File.ReadAllBytes(shared), Vectors.RawFile(fileName));
    }

    [Fact]
    public void Corpus_HoldsTheCasesOfEveryFile_OnceEach()
    {
        Assert.Equal(6, Vectors.EuropeRoundTwo.Count());
        Assert.All(Vectors.EuropeRoundTwo, vector => Assert.Contains(Vectors.All, c => c.Id == vector.Id && c.InputHex == vector.InputHex));
        Assert.Equal(Vectors.All.Count, Vectors.All.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void OwnFinds_EachCase_NamesItsSourceAndHowFarItIsTrusted()
    {
        // Not a copy of shared/vectors: every case must say where its bytes come from, checkably.
        Assert.NotEmpty(Vectors.OwnFinds);
        Assert.All(Vectors.OwnFinds, vector =>
        {
            Assert.Contains("https://", vector.Source, StringComparison.Ordinal);
            Assert.Contains(vector.Trust, new[] { "assertion", "annotation", "golden", "decoded-from-bytes" });
            Assert.Contains(Vectors.All, c => c.Id == vector.Id && c.InputHex == vector.InputHex);
        });
    }
}
