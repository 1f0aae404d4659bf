using System.Buffers;
using System.Text;
using Han.Live.Fanout;
using MQTTnet;
using MQTTnet.Protocol;

namespace Han.Integrations.Mqtt;

/// <summary>
/// The one MQTT connection of <c>han run</c> (issue 9, point 1), on MQTTnet 5's plain client with a
/// reconnect loop of its own (MQTTnet 5 has no managed client). After every connect it publishes
/// <c>online</c> (retained) on the status topic, whose last will is <c>offline</c>; makes every
/// subscription again; raises <see cref="Connected"/>; then sends what waits in its
/// <see cref="MqttOutbox"/>, one message at a time, each leaving the queue only once the broker has it.
/// A lost broker is tried again after a capped, jittered back-off (<see cref="ReconnectDelay"/>). Trouble
/// is told through <c>report</c> once when it starts and once when it changes or ends.
/// </summary>
public sealed class MqttConnection : IMqttPublisher, IAsyncDisposable
{
    private readonly MqttConnectionOptions _options;
    private readonly Action<string, NoteLevel> _report;
    private readonly TimeProvider _clock;
    private readonly IMqttClient _client;
    private readonly MqttClientOptions _clientOptions;
    private readonly MqttOutbox _outbox;
    private readonly ReconnectDelay _delay = new(new Random());
    // A list, not a map by filter: several outputs may wait on one topic (each meter's Home Assistant
    // output on the birth message), and each must get every message.
    private readonly List<(string Filter, Func<MqttIncoming, ValueTask> Handler)> _subscriptions = [];
    private readonly CancellationTokenSource _stopping = new();
    private CancellationTokenSource _connection = new();
    private Task? _running;
    // Written by the connection loop and by MQTTnet's receive thread (Tell): under _problemGate.
    private readonly Lock _problemGate = new();
    private string? _lastProblem;
    private bool _closed;

    /// <param name="report">Where the connection tells what happens to it (the service's log).</param>
    public MqttConnection(MqttConnectionOptions options, Action<string, NoteLevel> report, TimeProvider clock)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _report = report ?? throw new ArgumentNullException(nameof(report));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        TopicPrefix = options.TopicPrefix;
        StatusTopic = $"{options.TopicPrefix}/status";
        _outbox = new MqttOutbox(options.QueueSize, Counters);
        _clientOptions = ClientOptions.Build(options, StatusTopic);
        _client = new MqttClientFactory().CreateMqttClient();
        _client.DisconnectedAsync += Disconnected;
        _client.ApplicationMessageReceivedAsync += Receive;
    }

    public string TopicPrefix { get; }

    public string StatusTopic { get; }

    public MqttCounters Counters { get; } = new();

    /// <summary>Messages waiting for the broker now.</summary>
    public int Queued => _outbox.Count;

    public bool IsConnected => _client.IsConnected;

    /// <summary>
    /// The MQTTnet client, for the latency harness alone (benchmarks/Han.Benchmarks, MqttLatency): it
    /// times each PUBLISH and PUBACK with MQTTnet's own packet inspection, so han's sending path carries
    /// no timing code of its own.
    /// </summary>
    internal IMqttClient Client => _client;

    public event Action? Connected;

    /// <summary>Starts connecting (and reconnecting) in the background; returns at once.</summary>
    public void Start()
    {
        _running ??= Task.Run(() => RunAsync(_stopping.Token));
    }

    public void Publish(MqttOutgoing message)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(message.Qos, 1);
        _outbox.Add(message);
    }

    public void Subscribe(string topicFilter, Func<MqttIncoming, ValueTask> handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(topicFilter);
        ArgumentNullException.ThrowIfNull(handler);
        lock (_subscriptions)
        {
            _subscriptions.Add((topicFilter, handler));
        }

        if (_client.IsConnected)
        {
            // Made now as well as after every reconnect; a failure here shows as a broken connection there.
            _ = SubscribeQuietlyAsync([topicFilter]);
        }
    }

    /// <summary>
    /// Ends the connection cleanly: sends what is queued while <paramref name="patience"/> lasts, then
    /// <c>offline</c> (retained) on the status topic, since a clean disconnect does not fire the last
    /// will, and disconnects. What could not be sent is counted as dropped.
    /// </summary>
    public async Task CloseAsync(TimeSpan patience)
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        using var deadline = new CancellationTokenSource(patience);
        while (_outbox.Count > 0 && _client.IsConnected && !deadline.IsCancellationRequested)
        {
            await Task.Delay(20, CancellationToken.None).ConfigureAwait(false);
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_running is not null)
        {
            await _running.ConfigureAwait(false);
        }

        for (var left = _outbox.Count; left > 0; left--)
        {
            Counters.CountDropped();
        }

        if (_client.IsConnected)
        {
            try
            {
                await _client.PublishAsync(Message(StatusTopic, ClientOptions.Offline), deadline.Token).ConfigureAwait(false);
                await _client.DisconnectAsync(new MqttClientDisconnectOptions(), CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception problem) when (problem is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException)
            {
                // The broker went away as han stopped: its last will says offline instead.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync(TimeSpan.Zero).ConfigureAwait(false);
        _client.Dispose();
        _stopping.Dispose();
        _connection.Dispose();
        _outbox.Dispose();
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await ConnectAsync(stopping).ConfigureAwait(false);
                await SendAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // whatever breaks the connection, han tries again; the kind is told once, in words
            catch (Exception problem)
#pragma warning restore CA1031
            {
                Tell(ConnectionProblem.Describe(problem, _options), NoteLevel.Error);
            }

            if (!stopping.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(_delay.Next(), _clock, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task ConnectAsync(CancellationToken stopping)
    {
        // Cancelled when this connection is lost; renewed first, so that a late signal of an older
        // connection's end cannot leave a live connection marked as lost.
        var previous = _connection;
        _connection = new CancellationTokenSource();
        previous.Dispose();
        if (_client.IsConnected)
        {
            return;
        }

        var result = await _client.ConnectAsync(_clientOptions, stopping).ConfigureAwait(false);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new BrokerRefusedException(result.ResultCode);
        }

        await _client.PublishAsync(Message(StatusTopic, ClientOptions.Online), stopping).ConfigureAwait(false);
        string[] filters;
        lock (_subscriptions)
        {
            filters = [.. _subscriptions.Select(s => s.Filter).Distinct(StringComparer.Ordinal)];
        }

        if (filters.Length > 0)
        {
            await SubscribeAsync(filters, stopping).ConfigureAwait(false);
        }

        Counters.CountConnection();
        _delay.Reset();
        bool again;
        lock (_problemGate)
        {
            again = _lastProblem is not null || Counters.Connections > 1;
            _lastProblem = null;
        }

        _report($"MQTT: connected to {_options.Address} as {_options.ClientId} (MQTT {ConnectionProblem.Version(_options.Protocol)}{(_options.Tls is null ? string.Empty : ", TLS")}){(again ? $"; {_outbox.Count} queued messages follow" : string.Empty)}", NoteLevel.Information);
        try
        {
            Connected?.Invoke();
        }
#pragma warning disable CA1031 // an output's trouble republishing its states must not break the connection
        catch (Exception problem)
#pragma warning restore CA1031
        {
            _report($"MQTT: an output failed after the connect ({problem.Message})", NoteLevel.Warning);
        }
    }

    /// <summary>Sends queued messages until the connection breaks (an exception) or han stops.</summary>
    private async Task SendAsync(CancellationToken stopping)
    {
        using var connected = CancellationTokenSource.CreateLinkedTokenSource(stopping, _connection.Token);
        while (true)
        {
            MqttOutgoing message;
            try
            {
                message = await _outbox.NextAsync(connected.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
            {
                throw new MQTTnet.Exceptions.MqttCommunicationException("the connection was lost");
            }

            MqttClientPublishResult result;
            try
            {
                result = await _client.PublishAsync(ToApplicationMessage(message), stopping).ConfigureAwait(false);
            }
            catch
            {
                _outbox.Retry();
                throw;
            }

            _outbox.Done();
            if (result.IsSuccess)
            {
                Counters.CountPublished();
            }
            else
            {
                Counters.CountFailed();
                Tell($"the MQTT broker refused a message on {message.Topic} ({result.ReasonCode}{(result.ReasonString is { Length: > 0 } why ? $": {why}" : string.Empty)}); check that user '{_options.Username}' may publish under {TopicPrefix}/ (the broker's ACL)", NoteLevel.Warning);
            }
        }
    }

    private async Task SubscribeAsync(IEnumerable<string> filters, CancellationToken cancellationToken)
    {
        var subscribe = new MqttClientSubscribeOptionsBuilder();
        foreach (var filter in filters)
        {
            subscribe.WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce);
        }

        await _client.SubscribeAsync(subscribe.Build(), cancellationToken).ConfigureAwait(false);
    }

    private async Task SubscribeQuietlyAsync(string[] filters)
    {
        try
        {
            await SubscribeAsync(filters, _stopping.Token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // the reconnect that follows a broken connection subscribes again
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private async Task Receive(MqttApplicationMessageReceivedEventArgs received)
    {
        var message = received.ApplicationMessage;
        var incoming = new MqttIncoming(message.Topic, message.Payload.ToArray(), message.Retain, _clock.GetUtcNow());
        List<Func<MqttIncoming, ValueTask>> handlers;
        lock (_subscriptions)
        {
            handlers = [.. _subscriptions.Where(s => MqttTopicFilterComparer.Compare(message.Topic, s.Filter) == MqttTopicFilterCompareResult.IsMatch).Select(s => s.Handler)];
        }

        foreach (var handler in handlers)
        {
            try
            {
                await handler(incoming).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // one output's trouble with a message must not break the connection for the others
            catch (Exception problem)
#pragma warning restore CA1031
            {
                Tell($"a message on {message.Topic} could not be handled ({problem.Message})", NoteLevel.Warning);
            }
        }
    }

    /// <summary>Tells a problem once, and again only when it changes.</summary>
    private void Tell(string problem, NoteLevel level)
    {
        bool lost;
        lock (_problemGate)
        {
            if (problem == _lastProblem)
            {
                return;
            }

            lost = Counters.Connections > 0 && _lastProblem is null && level == NoteLevel.Error;
            _lastProblem = problem;
        }

        _report($"MQTT: {problem}{(lost ? $"; messages wait (up to {_options.QueueSize}) and han reconnects by itself" : "; han keeps trying")}", level);
    }

    private static MqttApplicationMessage Message(string topic, string payload) => new MqttApplicationMessageBuilder()
        .WithTopic(topic)
        .WithPayload(Encoding.UTF8.GetBytes(payload))
        .WithRetainFlag(true)
        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
        .Build();

    private static MqttApplicationMessage ToApplicationMessage(MqttOutgoing message) => new MqttApplicationMessageBuilder()
        .WithTopic(message.Topic)
        .WithPayload(message.Payload.ToArray())
        .WithRetainFlag(message.Retain)
        .WithQualityOfServiceLevel(message.Qos == 1 ? MqttQualityOfServiceLevel.AtLeastOnce : MqttQualityOfServiceLevel.AtMostOnce)
        .Build();

    private Task Disconnected(MqttClientDisconnectedEventArgs args)
    {
        if (args.ClientWasConnected)
        {
            try
            {
                _connection.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // A connection already replaced or closed.
            }
        }

        return Task.CompletedTask;
    }
}
