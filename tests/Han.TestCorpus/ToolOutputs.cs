using System.Diagnostics;

namespace Han.TestCorpus;

/// <summary>
/// What real dump tools (xxd, hexdump, od) write for many captures, made in one bash run that works on
/// the captures in parallel: a tool started once per capture and form from the tests would cost a
/// process start each, thousands for the whole corpus.
/// </summary>
public static class ToolOutputs
{
    /// <summary>
    /// The output of every command line of <paramref name="commands"/> (a shell fragment to which the
    /// file's name is appended, e.g. <c>xxd -g4</c>) for a file holding each of <paramref name="captures"/>,
    /// indexed [command][capture]. Fails when a tool is missing or fails.
    /// </summary>
    public static byte[][][] Run(IReadOnlyList<byte[]> captures, IReadOnlyList<string> commands)
    {
        ArgumentNullException.ThrowIfNull(captures);
        ArgumentNullException.ThrowIfNull(commands);
        var folder = Directory.CreateTempSubdirectory("han-tools-").FullName;
        try
        {
            for (var i = 0; i < captures.Count; i++)
            {
                File.WriteAllBytes(Path.Combine(folder, $"c{i}.bin"), captures[i]);
            }

            // A script writes every form of the files it is given; xargs runs one per processor at a time,
            // each on a few files (a bash started per file would cost as much as a tool).
            var forms = string.Concat(commands.Select((command, j) => $"  {command} \"$f\" > \"$f.{j}\" || exit 255\n"));
            File.WriteAllText(Path.Combine(folder, "forms.sh"), $"for f in \"$@\"; do\n{forms}done\n");
            var perScript = Math.Max(1, captures.Count / (Environment.ProcessorCount * 4));
            Bash($"cd '{folder}' && ls c*.bin | xargs -P {Environment.ProcessorCount} -n {perScript} bash forms.sh");
            return [.. commands.Select((_, j) => captures.Select((_, i) => File.ReadAllBytes(Path.Combine(folder, $"c{i}.bin.{j}"))).ToArray())];
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Bash(string commandLine)
    {
        var start = new ProcessStartInfo("/bin/bash") { RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(commandLine);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"making the tool outputs failed ({process.ExitCode}): {errors}");
        }
    }
}
