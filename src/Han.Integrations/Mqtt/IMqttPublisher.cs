namespace Han.Integrations.Mqtt;

/// <summary>
/// The one MQTT connection of <c>han run</c>, as the outputs that publish through it see it (plain JSON,
/// Home Assistant, Domoticz): messages are queued and sent whenever the broker is there, and
/// subscriptions are made again after every reconnect.
/// </summary>
public interface IMqttPublisher
{
    /// <summary>The topic prefix every han topic starts with (<c>han</c>).</summary>
    string TopicPrefix { get; }

    /// <summary>The retained availability topic of han itself (<c>han/status</c>), <c>online</c> while connected, <c>offline</c> as its last will.</summary>
    string StatusTopic { get; }

    /// <summary>Whether the broker is connected now (subscriptions made); <see cref="Connected"/> tells when that becomes so.</summary>
    bool IsConnected { get; }

    /// <summary>Queues a message; never waits for the broker. A full queue drops (and counts) as documented by the connection.</summary>
    void Publish(MqttOutgoing message);

    /// <summary>Subscribes now and after every reconnect; <paramref name="handler"/> gets each message on topics matching <paramref name="topicFilter"/>.</summary>
    void Subscribe(string topicFilter, Func<MqttIncoming, ValueTask> handler);

    /// <summary>Raised after each successful (re)connection, once subscriptions are made: the moment to publish retained states again.</summary>
    event Action? Connected;
}
