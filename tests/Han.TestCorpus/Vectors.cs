using System.Text.Json;

namespace Han.TestCorpus;

/// <summary>
/// The corpus of real meter captures. The file is a verbatim copy of shared/vectors/cases.json
/// (a test checks the copy against the original whenever the shared folder is present).
/// </summary>
public static class Vectors
{
    private static readonly Lazy<IReadOnlyList<VectorCase>> Cases = new(Load);

    public static IReadOnlyList<VectorCase> All => Cases.Value;

    /// <summary>The kinds the Norwegian decoder issue covers: HDLC, HDLC streams, LLC and bare APDUs from Norway.</summary>
    public static IEnumerable<VectorCase> Norwegian =>
        All.Where(c => c.Country == "NO" && c.Kind is "hdlc" or "hdlc-stream" or "llc" or "apdu");

    public static VectorCase ById(string id) =>
        All.FirstOrDefault(c => c.Id == id) ?? throw new KeyNotFoundException($"No vector '{id}' in cases.json.");

    /// <summary>The embedded copy's bytes, exactly as stored.</summary>
    public static byte[] RawFile()
    {
        using var stream = typeof(Vectors).Assembly.GetManifestResourceStream("cases.json")
            ?? throw new InvalidOperationException("cases.json is not embedded in Han.TestCorpus.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    /// <summary>The repository root (the folder holding Han.slnx), found from the test binaries.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Han.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (Han.slnx) above " + AppContext.BaseDirectory);
    }

    private static List<VectorCase> Load() =>
        JsonSerializer.Deserialize<List<VectorCase>>(RawFile()) ?? throw new InvalidOperationException("cases.json is empty.");
}
