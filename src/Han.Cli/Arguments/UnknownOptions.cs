using System.CommandLine;
using System.CommandLine.Parsing;

namespace Han.Cli.Arguments;

/// <summary>
/// A command's file arguments that are really mistyped options. The parser takes any word it does not
/// know for a file name, so <c>han decode --kye KEY capture.hex</c> would end in "could not find file
/// '--kye'"; this says "unknown option --kye (did you mean --key?)" instead. A word that names an
/// existing file is a file, however it starts.
/// </summary>
internal static class UnknownOptions
{
    /// <summary>Adds the check for the file arguments of <paramref name="command"/>.</summary>
    public static void Check<T>(Command command, Argument<T> files)
    {
        command.Validators.Add(result =>
        {
            foreach (var token in result.GetResult(files)?.Tokens ?? [])
            {
                var word = token.Value;
                if (word.Length > 1 && word[0] == '-' && !File.Exists(word) && !Directory.Exists(word))
                {
                    result.AddError($"unknown option {word}{Suggestion(command, word)}; see han {command.Name} --help");
                }
            }
        });
    }

    /// <summary>" (did you mean --key?)" for the nearest option within two slips, or nothing.</summary>
    private static string Suggestion(Command command, string word)
    {
        var name = word.Split('=')[0];
        var nearest = command.Options
            .SelectMany(option => option.Aliases.Prepend(option.Name))
            .Where(known => known.StartsWith("--", StringComparison.Ordinal))
            .Select(known => (Known: known, Distance: EditDistance.Of(name.ToLowerInvariant().Replace('_', '-'), known)))
            .Where(candidate => candidate.Distance <= 2)
            .OrderBy(candidate => candidate.Distance)
            .FirstOrDefault();
        return nearest.Known is null ? string.Empty : $" (did you mean {nearest.Known}?)";
    }
}
