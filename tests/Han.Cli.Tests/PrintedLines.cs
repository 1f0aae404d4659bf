using System.Text.Json;

namespace Han.Cli.Tests;

/// <summary>The JSON lines a han process running in the background prints into a file (<c>--format json &gt; FILE</c>).</summary>
internal static class PrintedLines
{
    /// <summary>The complete lines so far (a line still being written is left out).</summary>
    public static IReadOnlyList<JsonElement> Read(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var text = new StreamReader(file).ReadToEnd();
        return [.. text.Split('\n')[..^1].Where(line => line.Length > 0).Select(line => JsonDocument.Parse(line).RootElement.Clone())];
    }

    /// <summary>Waits until at least <paramref name="count"/> lines are printed; fails saying what was printed when they do not come in time.</summary>
    public static async Task<IReadOnlyList<JsonElement>> WaitForAsync(string path, int count, int timeoutSeconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            var lines = Read(path);
            if (lines.Count >= count)
            {
                return lines;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"han printed {lines.Count} of the {count} lines expected within {timeoutSeconds} s: {string.Join('\n', lines)}");
            }

            await Task.Delay(50);
        }
    }
}
