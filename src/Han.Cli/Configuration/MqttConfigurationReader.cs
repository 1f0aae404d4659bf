using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Han.Integrations.Mqtt;

namespace Han.Cli.Configuration;

/// <summary>
/// Reads the <c>mqtt:</c> section of <c>han run</c>'s configuration (the broker han publishes to) into
/// <see cref="MqttConnectionOptions"/>, with the checks of <see cref="ConfigurationChecker"/>: each
/// problem names the setting, its value (never the password) and what would be valid. No section (and
/// no <c>--mqtt</c>) means no MQTT.
/// </summary>
internal sealed class MqttConfigurationReader(ConfigurationChecker check, Func<string, string> readFile)
{
    private const string Section = "mqtt:";

    /// <summary>The settings of the section, as paths below it.</summary>
    public static readonly string[] Keys =
    [
        "host", "port", "client_id", "username", "password", "password_file", "tls", "tls:enabled", "tls:ca_file",
        "tls:certificate_file", "tls:key_file", "protocol", "keepalive", "topic_prefix", "queue_size",
    ];

    /// <param name="hostName">This machine's name, for the default client id (<c>han-&lt;host&gt;</c>).</param>
    public MqttConnectionOptions? Read(string hostName)
    {
        if (!check.Document.All.Any(s => s.Path.StartsWith(Section, StringComparison.Ordinal)))
        {
            return null;
        }

        var errorsBefore = check.Errors.Count;
        var host = ReadHost();
        var tls = ReadTls();
        var port = check.ReadInt(Section + "port", tls is null ? MqttConnectionOptions.DefaultPort : MqttConnectionOptions.DefaultTlsPort, 1, 65535, "a TCP port");
        var clientId = ReadClientId(hostName);
        var username = check.Get(Section + "username")?.Value;
        var password = check.ReadSecretText(Section + "password")?.Text;
        if (password is not null && username is null)
        {
            check.Error("mqtt.password: given without mqtt.username; the broker needs both (or neither, for a broker that lets anyone in)");
        }

        var protocol = ReadProtocol();
        var keepAlive = check.ReadInt(Section + "keepalive", (int)MqttConnectionOptions.DefaultKeepAlive.TotalSeconds, 5, 65535, "a keep-alive in seconds");
        var prefix = ReadTopicPrefix();
        var queue = check.ReadInt(Section + "queue_size", MqttConnectionOptions.DefaultQueueSize, 10, 10_000_000, "the number of messages that may wait while the broker is away");
        return check.Errors.Count > errorsBefore || host is null
            ? null
            : new MqttConnectionOptions(host, port, clientId, username, password, tls, protocol, TimeSpan.FromSeconds(keepAlive), prefix, queue);
    }

    private string? ReadHost()
    {
        if (check.Get(Section + "host") is not { } host)
        {
            check.Error("mqtt.host: missing; give the broker's name or address (localhost, broker.local, 192.168.1.10), or --mqtt HOST");
            return null;
        }

        if (host.Value.Length == 0 || host.Value.Contains("://", StringComparison.Ordinal) || host.Value.Any(c => char.IsWhiteSpace(c) || c is '/' or '@'))
        {
            check.Fail(host, "is not a host name; give the broker's name or address alone (broker.local, 192.168.1.10), its port as mqtt.port and TLS as mqtt.tls");
            return null;
        }

        return host.Value;
    }

    private string ReadClientId(string hostName)
    {
        if (check.Get(Section + "client_id") is not { } id)
        {
            return MqttConnectionOptions.DefaultClientId(hostName);
        }

        if (id.Value.Length is 0 or > 65535 || id.Value.Any(char.IsControl))
        {
            check.Fail(id, "is not a client id; use letters, digits, '-' and '_', unique among the broker's clients (the default is han-<host name>)");
        }

        return id.Value;
    }

    private MqttProtocol ReadProtocol()
    {
        switch (check.Get(Section + "protocol"))
        {
            case null or { Value: "3.1.1" }:
                return MqttProtocol.V311;
            case { Value: "5" or "5.0" }:
                return MqttProtocol.V5;
            case var other:
                check.Fail(other, "is not an MQTT version han speaks; use \"3.1.1\" or \"5\"");
                return MqttProtocol.V311;
        }
    }

    private string ReadTopicPrefix()
    {
        if (check.Get(Section + "topic_prefix") is not { } prefix)
        {
            return MqttConnectionOptions.DefaultTopicPrefix;
        }

        var levels = prefix.Value.Split('/');
        if (prefix.Value.Length == 0 || levels.Any(level => level.Length == 0) || prefix.Value.Any(c => c is '+' or '#' || char.IsControl(c)))
        {
            check.Fail(prefix, "is not a topic prefix; use one or more topic levels without wildcards or empty levels, as in han or home/han");
        }

        return prefix.Value;
    }

    /// <summary>TLS when <c>tls: true</c>, <c>tls: {enabled: true}</c>, or any of its files is given (unless enabled is false).</summary>
    private MqttTls? ReadTls()
    {
        var shorthand = check.Get(Section + "tls") is not null;
        var enabled = check.ReadBool(shorthand ? Section + "tls" : Section + "tls:enabled", false);
        var ca = ReadCertificates("tls:ca_file", "the PEM file of the CA that signed the broker's certificate");
        var certificate = ReadCertificates("tls:certificate_file", "han's client certificate (PEM)");
        var key = check.ReadExistingFile(Section + "tls:key_file", "the client certificate's private key (PEM)");
        var files = ca ?? certificate ?? key;
        if (check.Get(Section + "tls:enabled") is null && !shorthand && files is not null)
        {
            enabled = true; // a file given says TLS is wanted
        }

        if (key is not null && certificate is null)
        {
            check.Error("mqtt.tls.key_file: given without mqtt.tls.certificate_file; a client certificate needs both (or a certificate file that holds its key too)");
        }
        else if (certificate is not null && check.Errors.Count == 0)
        {
            CheckClientCertificate(certificate, key);
        }

        if (!enabled && files is not null)
        {
            check.Warn("mqtt.tls: its files are given but TLS is off (enabled: false); they are not used");
        }

        return enabled ? new MqttTls(ca, certificate, key) : null;
    }

    /// <summary>A readable PEM file with at least one certificate, or null (and an error) when not.</summary>
    private string? ReadCertificates(string key, string what)
    {
        if (check.Get(Section + key) is not { } setting || check.ReadExistingFile(setting.Path, what) is not { } path)
        {
            return null;
        }

        try
        {
            var certificates = new X509Certificate2Collection();
            certificates.ImportFromPem(readFile(path));
            if (certificates.Count > 0)
            {
                return path;
            }
        }
        catch (Exception problem) when (problem is CryptographicException or IOException or UnauthorizedAccessException)
        {
            // Said below; a file that cannot be read was already told by ReadExistingFile.
        }

        check.Fail(setting, $"holds no PEM certificate (-----BEGIN CERTIFICATE-----); give {what}");
        return null;
    }

    private void CheckClientCertificate(string certificate, string? key)
    {
        try
        {
            using var loaded = X509Certificate2.CreateFromPem(readFile(certificate), readFile(key ?? certificate));
        }
        catch (Exception problem) when (problem is CryptographicException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            check.Error($"mqtt.tls.certificate_file ({certificate}){(key is null ? string.Empty : $" with mqtt.tls.key_file ({key})")}: not a certificate with its private key ({problem.Message}); give the PEM certificate and its unencrypted PEM key");
        }
    }
}
