using System.Globalization;
using Han.Cli.Arguments;

namespace Han.Cli.Configuration;

/// <summary>
/// The checks every section of the configuration shares, and the problems found so far. Each message
/// names the setting, where it was written, its value (never a secret's) and what would be valid; every
/// problem is collected, so that one <c>han run --check</c> lists them all (ESPHome's habit).
/// </summary>
internal sealed class ConfigurationChecker(SettingsDocument document, Func<string, string> readFile, Func<string, bool> folderExists)
{
    private readonly List<string> _errors = [];
    private readonly List<string> _warnings = [];

    public SettingsDocument Document { get; } = document;

    public IReadOnlyList<string> Errors => _errors;

    public IReadOnlyList<string> Warnings => _warnings;

    public Setting? Get(string path) => Document.Get(path);

    /// <summary>Whether the file (or the environment) has the section, even empty (<c>web:</c> alone).</summary>
    public bool HasSection(string section) => Document.All.Any(s => s.Path == section || s.Path.StartsWith(section + ":", StringComparison.Ordinal));

    public void Error(string message) => _errors.Add(message);

    public void Warn(string message) => _warnings.Add(message);

    public void Fail(Setting setting, string problem) =>
        _errors.Add($"{setting.Name} ({setting.Origin}): '{setting.Value}' {problem}");

    /// <summary>A whole number in a range, or <paramref name="fallback"/> when not given.</summary>
    public int ReadInt(string path, int fallback, int least, int most, string what)
    {
        if (Get(path) is not { } setting)
        {
            return fallback;
        }

        if (!int.TryParse(setting.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < least || value > most)
        {
            Fail(setting, $"is not {what}: a whole number from {least} to {most}");
            return fallback;
        }

        return value;
    }

    /// <summary>A decimal number (a point before the decimals) in a range, or <paramref name="fallback"/> when not given.</summary>
    public decimal ReadDecimal(string path, decimal fallback, decimal least, decimal most, string what)
    {
        if (Get(path) is not { } setting)
        {
            return fallback;
        }

        if (!decimal.TryParse(setting.Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value < least || value > most)
        {
            Fail(setting, $"is not {what}: a number from {least} to {most}, with a point before the decimals");
            return fallback;
        }

        return value;
    }

    /// <summary>true/false (yes/no, on/off), or <paramref name="fallback"/> when not given.</summary>
    public bool ReadBool(string path, bool fallback)
    {
        if (Get(path) is not { } setting)
        {
            return fallback;
        }

        switch (setting.Value.ToLowerInvariant())
        {
            case "true" or "yes" or "on":
                return true;
            case "false" or "no" or "off":
                return false;
            default:
                Fail(setting, "is not true or false");
                return fallback;
        }
    }

    /// <summary>
    /// A secret (a key, a password, a token) given inline or as <c>*_file</c>, trimmed; null when neither
    /// is given. Its value never appears in a message.
    /// </summary>
    public (string Text, Setting Source)? ReadSecretText(string path)
    {
        var inline = Get(path);
        var file = Get(path + "_file");
        if (inline is not null && file is not null)
        {
            _errors.Add($"{inline.Name} and {file.Name}: give one of them, not both");
            return null;
        }

        if (file is not null)
        {
            try
            {
                return (readFile(file.Value).Trim(), file);
            }
            catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
            {
                Fail(file, $"cannot be read ({problem.Message}); the service's user needs read access to it");
                return null;
            }
        }

        return inline is null ? null : (inline.Value, inline);
    }

    /// <summary>A secret parsed into its type (a key); a parse error names the setting, not the value.</summary>
    public T? ReadSecret<T>(string path, Func<string, (bool Valid, T? Key, string Error)> parse)
        where T : class
    {
        if (ReadSecretText(path) is not var (text, source))
        {
            return null;
        }

        var (valid, key, error) = parse(text);
        if (!valid)
        {
            _errors.Add($"{source.Name} ({source.Origin}): {error}");
        }

        return key;
    }

    /// <summary>A file han writes or reads: its folder must exist unless <c>{meter}</c> names it.</summary>
    public string? ReadPath(string path, int meters)
    {
        if (Get(path) is not { } setting)
        {
            return null;
        }

        if (meters > 1 && !setting.Value.Contains("{meter}", StringComparison.Ordinal))
        {
            Fail(setting, "is one file for several meters; put {meter} in it, as in /var/lib/han/{meter}.jsonl");
        }

        // A folder named by {meter} differs per meter and is made by no one yet: only a fixed folder is checked.
        var folder = Path.GetDirectoryName(Path.GetFullPath(setting.Value));
        if (folder is not null && !folder.Contains('{', StringComparison.Ordinal) && !folderExists(folder))
        {
            Fail(setting, $"is in a folder that does not exist ({folder}); create it for the service's user (the .deb makes /var/lib/han), or choose another");
        }

        return setting.Value;
    }

    /// <summary>A file han reads (a CA certificate): it must exist.</summary>
    public string? ReadExistingFile(string path, string what)
    {
        if (Get(path) is not { } setting)
        {
            return null;
        }

        try
        {
            _ = readFile(setting.Value);
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            Fail(setting, $"cannot be read ({problem.Message}); give the path of {what} the service's user can read");
        }

        return setting.Value;
    }

    /// <summary>
    /// Refuses an address with a user name or password in it (<c>http://user:secret@host</c>): the address
    /// is shown in logs and by <c>--check</c>, and .NET's HTTP client would not log in with it anyway.
    /// The message does not repeat the value.
    /// </summary>
    /// <returns>false when the address holds credentials.</returns>
    public bool RefuseCredentialsIn(Setting setting, Uri address, string instead)
    {
        if (address.UserInfo.Length == 0)
        {
            return true;
        }

        _errors.Add($"{setting.Name} ({setting.Origin}): holds a user name or password, which would be shown wherever the address is; take them out and give {instead}");
        return false;
    }

    /// <summary>An unknown setting, with the nearest known one when it is a likely typo.</summary>
    public void ReportUnknown(Setting setting, string key, IReadOnlyCollection<string> keys)
    {
        var nearest = keys.OrderBy(k => EditDistance.Of(key, k)).First();
        var hint = EditDistance.Of(key, nearest) <= 2 ? $"; did you mean {nearest}?" : $"; known here: {string.Join(", ", keys)}";
        var message = $"{setting.Name} ({setting.Origin}): unknown setting{hint}";
        if (setting.Origin.StartsWith("environment", StringComparison.Ordinal))
        {
            _warnings.Add(message); // HAN_ variables may belong to something else
        }
        else
        {
            _errors.Add(message);
        }
    }
}
