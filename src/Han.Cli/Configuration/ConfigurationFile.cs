namespace Han.Cli.Configuration;

/// <summary>
/// Reads the configuration file of <c>han run</c> with the environment's <c>HAN_</c> overrides, checked:
/// a <see cref="ConfigurationException"/> says every problem at once, each with the setting, where it
/// was written, its value and what would be valid.
/// </summary>
internal static class ConfigurationFile
{
    /// <summary>Where the .deb puts it, and where <c>han run</c> looks without <c>--config</c>.</summary>
    public const string DefaultPath = "/etc/han/han.yaml";

    /// <param name="overrides">Settings of command-line options, over the file's and the environment's (<c>--mqtt</c>).</param>
    public static RunConfiguration Read(string path, IEnumerable<KeyValuePair<string, string>> environment, IEnumerable<Setting>? overrides = null)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception problem) when (problem is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ConfigurationException($"{path}: there is no configuration file here; copy the example (deploy/han.yaml in the source, /usr/share/doc/han/han.yaml from the .deb) to {DefaultPath} and edit it, or give --config FILE");
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException($"{path}: cannot be read ({problem.Message}); the service's user needs read access to it");
        }

        var document = SettingsDocument.Load(path, new StringReader(text), environment);
        foreach (var setting in overrides ?? [])
        {
            document.Override(setting);
        }

        return RunConfigurationReader.Read(document, File.ReadAllText, Directory.Exists);
    }

    /// <summary>The process's environment variables, for the <c>HAN_</c> overrides.</summary>
    public static IEnumerable<KeyValuePair<string, string>> ProcessEnvironment() =>
        Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .Select(entry => new KeyValuePair<string, string>((string)entry.Key, (string?)entry.Value ?? string.Empty));
}
