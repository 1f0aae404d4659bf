using Han.Integrations.Mqtt;
using MQTTnet;
using MQTTnet.Protocol;

namespace Han.Integrations.Tests.Domoticz;

/// <summary>
/// A test's stand-in for han's MQTT connection: <see cref="IMqttPublisher"/> on MQTTnet's own client,
/// connected to a real broker, so that what an output publishes really goes over MQTT. Publishing only:
/// what the outputs under test need.
/// </summary>
internal sealed class MqttNetTestPublisher : IMqttPublisher, IAsyncDisposable
{
    private readonly IMqttClient _client;
    private readonly List<Task> _publishing = [];

    private MqttNetTestPublisher(IMqttClient client)
    {
        _client = client;
    }

    public event Action? Connected;

    public string TopicPrefix => "han";

    public string StatusTopic => "han/status";

    public static async Task<MqttNetTestPublisher> ConnectAsync(string host, int port)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(host, port).WithClientId("han-test").Build());
        var publisher = new MqttNetTestPublisher(client);
        publisher.Connected?.Invoke();
        return publisher;
    }

    public void Publish(MqttOutgoing message)
    {
        var application = new MqttApplicationMessageBuilder()
            .WithTopic(message.Topic)
            .WithPayload(message.Payload.ToArray())
            .WithRetainFlag(message.Retain)
            .WithQualityOfServiceLevel(message.Qos == 0 ? MqttQualityOfServiceLevel.AtMostOnce : MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        lock (_publishing)
        {
            _publishing.Add(_client.PublishAsync(application));
        }
    }

    public void Subscribe(string topicFilter, Func<MqttIncoming, ValueTask> handler) =>
        throw new NotSupportedException("the Domoticz output only publishes");

    /// <summary>Waits until every message published so far has left.</summary>
    public Task SentAsync()
    {
        lock (_publishing)
        {
            return Task.WhenAll(_publishing);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await SentAsync();
        await _client.DisconnectAsync();
        _client.Dispose();
    }
}
