namespace Han.TestCorpus;

/// <summary>
/// Every real capture the repository holds: the corpus vectors (<see cref="Vectors.All"/>) and the
/// frames of <c>samples/*.hex</c>, each as the bytes a meter sent, named by its vector id or sample file.
/// </summary>
public static class RepositoryCaptures
{
    private static readonly Lazy<IReadOnlyList<(string Id, byte[] Bytes)>> Everything = new(Load);

    public static IReadOnlyList<(string Id, byte[] Bytes)> All => Everything.Value;

    private static List<(string Id, byte[] Bytes)> Load()
    {
        var samples = Directory.GetFiles(Path.Combine(Vectors.RepositoryRoot(), "samples"), "*.hex")
            .Order(StringComparer.Ordinal)
            .Select(path => ("samples/" + Path.GetFileName(path), Convert.FromHexString(string.Concat(File.ReadAllText(path).Where(char.IsAsciiHexDigit)))));
        return [.. Vectors.All.Select(vector => (vector.Id, vector.Input)), .. samples];
    }
}
