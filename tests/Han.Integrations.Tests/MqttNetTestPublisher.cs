using System.Buffers;
using System.Threading.Channels;
using Han.Integrations.Mqtt;
using Han.TestCorpus.Servers;
using MQTTnet;
using MQTTnet.Protocol;

namespace Han.Integrations.Tests;

/// <summary>
/// A small <see cref="IMqttPublisher"/> on MQTTnet's client for the outputs' tests (Home Assistant,
/// Domoticz): a real client against the real broker, publishing in order from one queue, with none of
/// the service's connection's reconnecting or counting (those are <see cref="Han.Integrations.Mqtt.MqttConnection"/>'s
/// own tests, and the tests over it in HomeAssistantOverServiceConnectionTests and han run's).
/// </summary>
internal sealed class MqttNetTestPublisher : IMqttPublisher, IAsyncDisposable
{
    private readonly IMqttClient _client;
    private readonly MqttClientFactory _factory = new();
    private readonly Channel<(MqttOutgoing? Message, TaskCompletionSource? Drained)> _queue = Channel.CreateUnbounded<(MqttOutgoing?, TaskCompletionSource?)>();
    private readonly List<(string Filter, Func<MqttIncoming, ValueTask> Handler)> _subscriptions = [];
    private readonly Task _sending;

    private MqttNetTestPublisher(IMqttClient client)
    {
        _client = client;
        _client.ApplicationMessageReceivedAsync += OnMessageAsync;
        _sending = Task.Run(SendAsync);
    }

    public string TopicPrefix => "han";

    public string StatusTopic => "han/status";

    public bool IsConnected => _client.IsConnected;

    public event Action? Connected;

    public static async Task<MqttNetTestPublisher> ConnectAsync(MosquittoBroker broker)
    {
        var factory = new MqttClientFactory();
        var client = factory.CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(broker.Host, broker.Port)
            .WithClientId("han-test-" + Guid.NewGuid().ToString("N")[..8])
            .Build();
        await client.ConnectAsync(options);
        return new MqttNetTestPublisher(client);
    }

    public void Publish(MqttOutgoing message) => _queue.Writer.TryWrite((message, null));

    public void Subscribe(string topicFilter, Func<MqttIncoming, ValueTask> handler)
    {
        lock (_subscriptions)
        {
            _subscriptions.Add((topicFilter, handler));
        }

        var options = _factory.CreateSubscribeOptionsBuilder().WithTopicFilter(topicFilter, MqttQualityOfServiceLevel.AtLeastOnce).Build();
        _client.SubscribeAsync(options).GetAwaiter().GetResult();
    }

    /// <summary>What the real connection does after a reconnect: subscriptions stand, then <see cref="Connected"/>.</summary>
    public void RaiseConnected() => Connected?.Invoke();

    /// <summary>Waits until everything queued so far has been sent (and acknowledged, at QoS 1).</summary>
    public async Task DrainAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Writer.TryWrite((null, done));
        await done.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.Complete();
        await _sending;
        await _client.DisconnectAsync();
        _client.Dispose();
    }

    private async Task SendAsync()
    {
        await foreach (var (message, drained) in _queue.Reader.ReadAllAsync())
        {
            if (message is null)
            {
                drained!.TrySetResult();
                continue;
            }

            var application = new MqttApplicationMessageBuilder()
                .WithTopic(message.Topic)
                .WithPayload(message.Payload.ToArray())
                .WithRetainFlag(message.Retain)
                .WithQualityOfServiceLevel((MqttQualityOfServiceLevel)message.Qos)
                .Build();
            await _client.PublishAsync(application);
        }
    }

    private async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs received)
    {
        var message = received.ApplicationMessage;
        var incoming = new MqttIncoming(message.Topic, message.Payload.ToArray(), message.Retain, DateTimeOffset.UtcNow);
        List<Func<MqttIncoming, ValueTask>> handlers;
        lock (_subscriptions)
        {
            handlers = [.. _subscriptions.Where(s => MqttTopicFilterComparer.Compare(message.Topic, s.Filter) == MqttTopicFilterCompareResult.IsMatch).Select(s => s.Handler)];
        }

        foreach (var handler in handlers)
        {
            await handler(incoming);
        }
    }
}
