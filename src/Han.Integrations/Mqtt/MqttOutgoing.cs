namespace Han.Integrations.Mqtt;

/// <summary>One message han publishes: its topic, payload, whether the broker keeps it for later subscribers, and its QoS (0 or 1).</summary>
public sealed record MqttOutgoing(string Topic, ReadOnlyMemory<byte> Payload, bool Retain, int Qos = 1)
{
    /// <summary>A message with a UTF-8 text (JSON) payload.</summary>
    public static MqttOutgoing Text(string topic, string payload, bool retain, int qos = 1) =>
        new(topic, System.Text.Encoding.UTF8.GetBytes(payload), retain, qos);

    /// <summary>An empty retained message: removes what the broker kept on the topic (a discovery config, a state).</summary>
    public static MqttOutgoing Clear(string topic) => new(topic, ReadOnlyMemory<byte>.Empty, Retain: true);
}
