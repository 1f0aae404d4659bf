using Han.Integrations.Mqtt;

namespace Han.Integrations.Tests.HomeAssistant;

/// <summary>Keeps what is published, for tests of what the sink decides to say (counting bytes, the entities of simulated meters); the MQTT behaviour is tested on a real broker.</summary>
internal sealed class KeepingPublisher : IMqttPublisher
{
    public List<MqttOutgoing> Published { get; } = [];

    public string TopicPrefix => "han";

    public string StatusTopic => "han/status";

    public bool IsConnected => true;

    public event Action? Connected
    {
        add { }
        remove { }
    }

    public void Publish(MqttOutgoing message) => Published.Add(message);

    public void Subscribe(string topicFilter, Func<MqttIncoming, ValueTask> handler)
    {
    }
}
