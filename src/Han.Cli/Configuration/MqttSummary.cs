using Han.Integrations.Mqtt;

namespace Han.Cli.Configuration;

/// <summary>The line <c>han run --check</c> prints for the MQTT broker, as han understood it (never the password).</summary>
internal static class MqttSummary
{
    public static string Describe(MqttConnectionOptions? mqtt)
    {
        if (mqtt is null)
        {
            return "mqtt: none (no mqtt section, no --mqtt)\n";
        }

        var user = mqtt.Username is { } name ? $", user {name}{(mqtt.Password is null ? " without password" : " with password")}" : ", no user";
        var tls = mqtt.Tls switch
        {
            null => ", no TLS",
            { CaFile: { } ca } => $", TLS trusting {ca}",
            _ => ", TLS trusting the system's CAs",
        };
        var certificate = mqtt.Tls?.CertificateFile is { } file ? $", client certificate {file}" : string.Empty;
        return $"mqtt: {mqtt.Address} as {mqtt.ClientId}{user}{tls}{certificate}, MQTT {(mqtt.Protocol == MqttProtocol.V5 ? "5" : "3.1.1")}, "
            + $"keep-alive {mqtt.KeepAlive?.TotalSeconds ?? MqttConnectionOptions.DefaultKeepAlive.TotalSeconds:0} s; state on {mqtt.TopicPrefix}/<meter>/state, "
            + $"availability on {mqtt.TopicPrefix}/status; up to {mqtt.QueueSize} messages wait while the broker is away\n";
    }
}
