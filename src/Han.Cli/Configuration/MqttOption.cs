namespace Han.Cli.Configuration;

/// <summary>
/// <c>han run --mqtt HOST[:PORT]</c>, the one-line shorthand for a broker: it sets <c>mqtt.host</c> (and
/// <c>mqtt.port</c>) over what the file says, so the file's other MQTT settings (user, TLS) still apply
/// and its checks name the option as where the value came from.
/// </summary>
internal static class MqttOption
{
    public const string Origin = "the --mqtt option";

    public static IEnumerable<Setting> Settings(string? value)
    {
        if (value is null)
        {
            yield break;
        }

        // host:port, [v6 address]:port, or a host alone; a bare IPv6 address has colons but no port.
        var colon = value.LastIndexOf(':');
        var bracketed = value.StartsWith('[');
        var hasPort = colon > 0 && (bracketed ? value[colon - 1] == ']' : value.IndexOf(':', StringComparison.Ordinal) == colon) && !value.Contains("://", StringComparison.Ordinal);
        var host = hasPort ? value[..colon] : value;
        if (bracketed && host.EndsWith(']'))
        {
            host = host[1..^1];
        }

        yield return new Setting("mqtt:host", host, Origin);
        if (hasPort)
        {
            yield return new Setting("mqtt:port", value[(colon + 1)..], Origin);
        }
    }
}
