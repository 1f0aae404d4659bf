namespace Han.Integrations.Mqtt;

/// <summary>
/// How han reaches its MQTT broker (the <c>mqtt:</c> section of <c>han run</c>'s configuration), checked
/// by the configuration reader before it gets here.
/// </summary>
/// <param name="ClientId">The client id han connects with; a second client with the same id would push han off the broker.</param>
/// <param name="Password">The password, read from <c>password</c> or <c>password_file</c>; never logged.</param>
/// <param name="KeepAlive">How often han and the broker show each other they are still there; the broker publishes the last will after 1.5 times this without a word.</param>
/// <param name="TopicPrefix">The first level of every han topic (<c>han</c>).</param>
/// <param name="QueueSize">How many messages wait while the broker is away (see <see cref="MqttOutbox"/> for what is dropped when full).</param>
public sealed record MqttConnectionOptions(
    string Host,
    int Port,
    string ClientId,
    string? Username = null,
    string? Password = null,
    MqttTls? Tls = null,
    MqttProtocol Protocol = MqttProtocol.V311,
    TimeSpan? KeepAlive = null,
    string TopicPrefix = MqttConnectionOptions.DefaultTopicPrefix,
    int QueueSize = MqttConnectionOptions.DefaultQueueSize)
{
    public const int DefaultPort = 1883;
    public const int DefaultTlsPort = 8883;
    public const string DefaultTopicPrefix = "han";
    public const int DefaultQueueSize = 10_000;
    public static readonly TimeSpan DefaultKeepAlive = TimeSpan.FromSeconds(30);

    /// <summary><c>han-</c> and the host's name: unique per machine, and the same after a restart, so the broker knows it again.</summary>
    public static string DefaultClientId(string hostName) => $"han-{hostName}";

    /// <summary><c>host:port</c>, for messages.</summary>
    public string Address => $"{Host}:{Port}";
}

/// <summary>The MQTT protocol version han speaks; both are what brokers (mosquitto, EMQX, Home Assistant's add-on) accept.</summary>
public enum MqttProtocol
{
    V311,
    V5,
}

/// <summary>
/// TLS to the broker: its certificate checked against the system's trust store, or against
/// <paramref name="CaFile"/> alone (a self-signed CA of one's own broker); optionally a client
/// certificate with its key (PEM files) for a broker that asks for one.
/// </summary>
public sealed record MqttTls(string? CaFile = null, string? CertificateFile = null, string? KeyFile = null);
