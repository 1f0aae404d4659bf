using System.Runtime.CompilerServices;
using Han.Sources.Serial;

namespace Han.Sources.Tests.Serial;

/// <summary>A probe that delivers fixed bytes at each setting (nothing at the others), for testing the decision rule on exact inputs.</summary>
internal sealed class ScriptedProbe(bool countsLineErrors = false) : ILineProbe
{
    private readonly Dictionary<LineSettings, (byte[] Bytes, int LineErrors)> _lines = [];

    public bool CountsLineErrors => countsLineErrors;

    public List<LineSettings> Tried { get; } = [];

    public ScriptedProbe At(string settings, byte[] bytes, int lineErrors = 0)
    {
        _lines[LineSettings.Parse(settings)] = (bytes, lineErrors);
        return this;
    }

    public async IAsyncEnumerable<LineChunk> ListenAsync(LineSettings settings, TimeSpan window, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Tried.Add(settings);
        var (bytes, errors) = _lines.GetValueOrDefault(settings, ([], 0));
        foreach (var chunk in bytes.Chunk(64))
        {
            yield return new LineChunk(chunk, errors);
            errors = 0;
            await Task.Yield();
        }
    }
}
