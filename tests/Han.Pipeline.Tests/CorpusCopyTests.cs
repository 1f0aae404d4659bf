using Han.TestCorpus;

namespace Han.Pipeline.Tests;

/// <summary>The repository's copy of the corpus stays identical to shared/vectors (which must never be edited).</summary>
public sealed class CorpusCopyTests
{
    [Fact]
    public void EmbeddedCorpus_WhenTheSharedFolderIsPresent_IsAnExactCopy()
    {
        var shared = Path.GetFullPath(Path.Combine(Vectors.RepositoryRoot(), "..", "shared", "vectors", "cases.json"));
        if (!File.Exists(shared))
        {
            // A clone outside the workspace has only the copy; there is nothing to compare with.
            Assert.NotEmpty(Vectors.All);
            return;
        }

        Assert.Equal(File.ReadAllBytes(shared), Vectors.RawFile());
    }
}
