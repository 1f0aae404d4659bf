using Han.TestCorpus;

namespace Han.Sources.Tests;

/// <summary>
/// Every capture of the repository as each tool form writes it (the readable ones and the dumps of
/// words), made once for the test class in one parallel run of the tools.
/// </summary>
public sealed class CorpusToolOutputs
{
    public CorpusToolOutputs()
    {
        string[] forms = [.. HexForms.ToolForms, .. HexForms.WordDumpForms];
        var outputs = ToolOutputs.Run([.. RepositoryCaptures.All.Select(capture => capture.Bytes)], forms);
        Readable = HexForms.ToolForms.ToDictionary(form => form, form => outputs[Array.IndexOf(forms, form)]);
        WordDumps = HexForms.WordDumpForms.ToDictionary(form => form, form => outputs[Array.IndexOf(forms, form)]);
    }

    /// <summary>Per readable tool form, the text of each capture of <see cref="RepositoryCaptures.All"/>, in order.</summary>
    public IReadOnlyDictionary<string, byte[][]> Readable { get; }

    /// <summary>Per word-dump form, the text of each capture of <see cref="RepositoryCaptures.All"/>, in order.</summary>
    public IReadOnlyDictionary<string, byte[][]> WordDumps { get; }
}
