using Han.Sources.Live;

namespace Han.Cli.Configuration;

/// <summary>
/// A meter's <c>password</c> or <c>password_file</c>: the password of its <c>mqtt://USER@HOST/TOPIC</c>
/// source kept out of the address, so the configuration file can be shown and the secret kept in a
/// file only the service's user reads (DESIGN.md §2.4: secrets may be given as <c>*_file</c>).
/// </summary>
internal static class MqttSourcePassword
{
    /// <summary><paramref name="source"/> with the password given at <paramref name="path"/> added; the source as it was when none is given or it cannot take one (said as an error).</summary>
    public static SourceAddress? Apply(ConfigurationChecker check, string path, SourceAddress? source)
    {
        if (check.ReadSecretText(path) is not var (password, setting))
        {
            return source;
        }

        var where = $"{setting.Name} ({setting.Origin})";
        switch (source)
        {
            case null:
                return source;
            case { Mqtt: null }:
                check.Error($"{where}: only an mqtt:// source takes a password; {source.Text} does not");
                return source;
            case { Mqtt.User: null }:
                check.Error($"{where}: the source names no user; write it as mqtt://USER@HOST/TOPIC and the password here");
                return source;
            case { Mqtt.Password: not null }:
                check.Error($"{where}: the source already holds a password; give it in one place");
                return source;
            default:
                var mqtt = source.Mqtt with { Password = password };
                return source with { Mqtt = mqtt, Text = mqtt.Display };
        }
    }
}
