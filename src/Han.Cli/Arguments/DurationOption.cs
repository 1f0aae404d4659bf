using System.CommandLine;
using System.CommandLine.Parsing;

namespace Han.Cli.Arguments;

/// <summary><c>--duration TIME</c> as every command that takes one checks and reads it (<see cref="DurationText"/>).</summary>
internal static class DurationOption
{
    public static Option<string?> Create(string description, string? defaultValue = null)
    {
        var option = new Option<string?>("--duration") { Description = description };
        if (defaultValue is not null)
        {
            option.DefaultValueFactory = _ => defaultValue;
        }

        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } text && !DurationText.TryParse(text, out _))
            {
                result.AddError($"--duration: '{text}' is not a duration; use a number and a unit, e.g. {DurationText.Examples}.");
            }
        });
        return option;
    }

    /// <summary>The duration given (checked at parse time), or null when there is none.</summary>
    public static TimeSpan? Read(ParseResult parse, Option<string?> option) =>
        DurationText.TryParse(parse.GetValue(option), out var duration) ? duration : null;
}
