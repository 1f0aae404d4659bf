using System.CommandLine;

namespace Han.Cli.Arguments;

/// <summary>
/// Options taken as text and checked when the command line is parsed, so that a bad value is one line
/// with the option, the value and what would be valid, before anything runs (the check's own message
/// decides what it repeats: a key's value never).
/// </summary>
internal static class CheckedOption
{
    public static Option<string?> Text(string name, string? defaultValue, string description)
    {
        var option = new Option<string?>(name) { Description = description };
        if (defaultValue is not null)
        {
            option.DefaultValueFactory = _ => defaultValue;
        }

        return option;
    }

    public static void Check(Option<string?> option, Func<string, bool> valid, Func<string, string> error) =>
        CheckWith(option, value => (valid(value), error(value)));

    public static void CheckWith(Option<string?> option, Func<string, (bool Valid, string Error)> check) =>
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && check(value) is { Valid: false } outcome)
            {
                result.AddError(outcome.Error);
            }
        });
}
