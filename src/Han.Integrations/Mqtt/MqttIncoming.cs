namespace Han.Integrations.Mqtt;

/// <summary>One message han received on a topic it subscribed to (Home Assistant's birth message, frames of another reader).</summary>
public sealed record MqttIncoming(string Topic, ReadOnlyMemory<byte> Payload, bool Retained, DateTimeOffset ReceivedAt);
