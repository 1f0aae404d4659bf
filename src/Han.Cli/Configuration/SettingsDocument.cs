using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Han.Cli.Configuration;

/// <summary>
/// The settings of a configuration file as flat paths (<c>meters:0:source</c>), each with where it was
/// written, so that every message can point at the line. Environment variables override any of them:
/// <c>HAN_METERS__0__SOURCE</c> for <c>meters:0:source</c> (double underscores separate the levels, as
/// in ASP.NET Core and zigbee2mqtt's Docker images).
/// </summary>
internal sealed class SettingsDocument
{
    private const string EnvironmentPrefix = "HAN_";

    private readonly Dictionary<string, Setting> _settings = new(StringComparer.Ordinal);

    private SettingsDocument(string fileName)
    {
        FileName = fileName;
    }

    public string FileName { get; }

    public IEnumerable<Setting> All => _settings.Values;

    /// <summary>Reads a YAML file; a <see cref="ConfigurationException"/> (with the line) when it is not YAML or not a mapping.</summary>
    public static SettingsDocument Load(string path, TextReader text, IEnumerable<KeyValuePair<string, string>> environment)
    {
        var document = new SettingsDocument(Path.GetFileName(path));
        var yaml = new YamlStream();
        try
        {
            yaml.Load(text);
        }
        catch (YamlException problem)
        {
            throw new ConfigurationException($"{document.FileName} line {problem.Start.Line}, column {problem.Start.Column}: this is not valid YAML ({problem.InnerException?.Message ?? problem.Message})");
        }

        if (yaml.Documents.Count > 0)
        {
            if (yaml.Documents[0].RootNode is not YamlMappingNode root)
            {
                throw new ConfigurationException($"{document.FileName}: the file must be a list of settings (meters:, mqtt:, ...), as in the example deploy/han.yaml");
            }

            document.Add(string.Empty, root);
        }

        foreach (var (name, value) in environment)
        {
            if (name.StartsWith(EnvironmentPrefix, StringComparison.Ordinal) && name.Length > EnvironmentPrefix.Length)
            {
                var settingPath = name[EnvironmentPrefix.Length..].ToLowerInvariant().Replace("__", ":", StringComparison.Ordinal);
                document._settings[settingPath] = new Setting(settingPath, value, $"environment variable {name}");
            }
        }

        return document;
    }

    public Setting? Get(string path) => _settings.GetValueOrDefault(path);

    /// <summary>Sets a setting over what the file and the environment said (a command-line shorthand such as <c>--mqtt</c>).</summary>
    public void Override(Setting setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        _settings[setting.Path] = setting;
    }

    /// <summary>How many items the list at <paramref name="path"/> has (the highest index plus one).</summary>
    public int Count(string path)
    {
        var prefix = path + ":";
        var count = 0;
        foreach (var key in _settings.Keys)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                var index = key[prefix.Length..].Split(':')[0];
                if (int.TryParse(index, out var number))
                {
                    count = Math.Max(count, number + 1);
                }
            }
        }

        return count;
    }

    private void Add(string path, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    var name = ((YamlScalarNode)key).Value ?? string.Empty;
                    Add(path.Length == 0 ? name : $"{path}:{name}", value);
                }

                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    Add($"{path}:{i}", sequence.Children[i]);
                }

                break;
            case YamlScalarNode scalar:
                _settings[path] = new Setting(path, scalar.Value ?? string.Empty, $"{FileName} line {scalar.Start.Line}");
                break;
        }
    }
}
