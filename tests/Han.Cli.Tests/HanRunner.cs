using System.Text;
using System.Text.Json;
using Han.Cli.Io;

namespace Han.Cli.Tests;

/// <summary>Runs the <c>han</c> command line in-process with captured standard streams.</summary>
internal sealed record HanResult(int ExitCode, string Stdout, string Stderr)
{
    public IReadOnlyList<JsonElement> JsonLines =>
        [.. Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone())];

    public IReadOnlyList<JsonElement> Readings => [.. JsonLines.Where(line => !line.TryGetProperty("error", out _))];

    public IReadOnlyList<JsonElement> Errors => [.. JsonLines.Where(line => line.TryGetProperty("error", out _))];
}

internal static class HanRunner
{
    public static async Task<HanResult> Run(byte[]? stdin, params string[] args)
    {
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        var exitCode = await Program.Run(args, new StandardStreams(() => new MemoryStream(stdin ?? []), stdout, stderr), TimeProvider.System);
        return new HanResult(exitCode, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString());
    }

    public static Task<HanResult> Run(params string[] args) => Run(null, args);

    /// <summary>Runs han in-process on <paramref name="clock"/>, keeping standard output as bytes (meter bytes are not text).</summary>
    public static async Task<(int ExitCode, byte[] Stdout, string Stderr)> RunBytes(TimeProvider clock, params string[] args)
    {
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        var exitCode = await Program.Run(args, new StandardStreams(() => Stream.Null, stdout, stderr), clock);
        return (exitCode, stdout.ToArray(), stderr.ToString());
    }

    /// <summary>Writes bytes to a fresh temporary file (as hex text when asked) and returns its path.</summary>
    public static string TempFile(byte[] bytes, bool asHex = false)
    {
        var path = Path.Combine(Path.GetTempPath(), "han-test-" + Guid.NewGuid().ToString("N") + (asHex ? ".hex" : ".bin"));
        if (asHex)
        {
            File.WriteAllText(path, Convert.ToHexString(bytes));
        }
        else
        {
            File.WriteAllBytes(path, bytes);
        }

        return path;
    }
}
