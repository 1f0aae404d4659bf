using System.Text.Json;

namespace Han.TestCorpus;

/// <summary>
/// The corpus of real meter captures. cases.json and cases-europe-2.json are verbatim copies of
/// shared/vectors (a test checks each copy against its original whenever the shared folder is present);
/// cases-europe-3.json holds the captures found for issue 12 (points 3 and 6), in the same schema, each
/// with its source.
/// </summary>
public static class Vectors
{
    /// <summary>The corpus files copied from shared/vectors, which must never be edited.</summary>
    public static readonly IReadOnlyList<string> SharedFileNames = ["cases.json", "cases-europe-2.json"];

    /// <summary>The corpus files, in the order their cases are listed.</summary>
    public static readonly IReadOnlyList<string> FileNames = [.. SharedFileNames, "cases-europe-3.json"];

    private static readonly Lazy<IReadOnlyList<VectorCase>> Cases = new(Load);

    /// <summary>Every case of every corpus file.</summary>
    public static IReadOnlyList<VectorCase> All => Cases.Value;

    /// <summary>The later European finds (issue 12): Swiss 2026 lists, Czech formats, Slovenian ECE lists, odd resolutions.</summary>
    public static IEnumerable<VectorCase> EuropeRoundTwo => Load("cases-europe-2.json");

    /// <summary>The captures this repository found itself (issue 12): Slovenian and Croatian Iskraemeco lists, and what else could be verified.</summary>
    public static IEnumerable<VectorCase> OwnFinds => Load("cases-europe-3.json");

    /// <summary>The kinds the Norwegian decoder issue covers: HDLC, HDLC streams, LLC and bare APDUs from Norway.</summary>
    public static IEnumerable<VectorCase> Norwegian =>
        All.Where(c => c.Country == "NO" && c.Kind is "hdlc" or "hdlc-stream" or "llc" or "apdu");

    public static VectorCase ById(string id) =>
        All.FirstOrDefault(c => c.Id == id) ?? throw new KeyNotFoundException($"No vector '{id}' in the corpus files.");

    /// <summary>The embedded copy's bytes of one corpus file, exactly as stored.</summary>
    public static byte[] RawFile(string fileName = "cases.json")
    {
        using var stream = typeof(Vectors).Assembly.GetManifestResourceStream(fileName)
            ?? throw new InvalidOperationException(fileName + " is not embedded in Han.TestCorpus.");
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

    private static List<VectorCase> Load() => [.. FileNames.SelectMany(Load)];

    private static List<VectorCase> Load(string fileName) =>
        JsonSerializer.Deserialize<List<VectorCase>>(RawFile(fileName)) ?? throw new InvalidOperationException(fileName + " is empty.");
}
