using Han.Integrations.Mqtt;

namespace Han.Integrations.Domoticz;

/// <summary>
/// Updates as MQTT messages on <c>domoticz/in</c> (or the topic Domoticz' MQTT hardware is set to),
/// through han's one MQTT connection. Not retained: the topic is a command stream, and a retained
/// update would be replayed (stale) each time Domoticz reconnects. QoS 0: the next update follows within
/// the interval and carries the counters in full, so a lost one costs nothing, whereas updates queued
/// for a broker that was away would arrive late and out of date.
/// </summary>
public sealed class DomoticzMqttChannel : IDomoticzChannel
{
    private readonly IMqttPublisher _publisher;
    private readonly string _topic;

    public DomoticzMqttChannel(IMqttPublisher publisher, string topic)
    {
        _publisher = publisher ?? throw new ArgumentNullException(nameof(publisher));
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        _topic = topic;
    }

    /// <summary>Domoticz' own default input topic [DZ1].</summary>
    public const string DefaultTopic = "domoticz/in";

    public string Name => $"domoticz mqtt {_topic}";

    public ValueTask SendAsync(DomoticzUpdate update, CancellationToken cancellationToken)
    {
        _publisher.Publish(new MqttOutgoing(_topic, DomoticzMqttPayload.Write(update), Retain: false, Qos: 0));
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
