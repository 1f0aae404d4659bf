namespace Han.Cli.Configuration;

/// <summary>A configuration that cannot be used; the message names the setting, its value and what would be valid (one per line).</summary>
internal sealed class ConfigurationException : Exception
{
    public ConfigurationException(string message)
        : base(message)
    {
    }
}
