using System.Buffers;
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
/// is told through <c>report</c> once when it starts and once when it changes or ends; another client
/// that keeps taking han's client id is told once and not fought (<see cref="ClientIdRivalry"/>).
/// </summary>
public sealed class MqttConnection : IMqttPublisher, IAsyncDisposable
{
    /// <summary>How long the message in flight may wait for its PUBACK when han stops; and, each on its own, <c>offline</c> and the DISCONNECT.</summary>
    private static readonly TimeSpan FarewellPatience = TimeSpan.FromSeconds(2);

    private readonly MqttConnectionOptions _options;
    private readonly Action<string, NoteLevel> _report;
    private readonly TimeProvider _clock;
    private readonly IMqttClient _client;
    private readonly MqttClientOptions _clientOptions;
    private readonly MqttOutbox _outbox;
    private readonly ReconnectDelay _delay;
    private readonly ClientIdRivalry _rivalry;
    private readonly SubscriptionTable _subscriptions = new();
    private readonly CancellationTokenSource _stopping = new();
    // Cancels the publish in flight: only when han stops and its PUBACK has not come within FarewellPatience.
    private readonly CancellationTokenSource _abandon = new();
    private CancellationTokenSource _connection = new();
    private Task? _running;
    // Written by the connection loop and by MQTTnet's receive thread (Tell): under _problemGate.
    private readonly Lock _problemGate = new();
    private string? _lastProblem;
    private bool _acknowledged;
    private bool _closed;

    /// <param name="report">Where the connection tells what happens to it (the service's log).</param>
    public MqttConnection(MqttConnectionOptions options, Action<string, NoteLevel> report, TimeProvider clock)
        : this(options, report, clock, new ReconnectDelay(new Random()))
    {
    }

    /// <param name="delay">The back-off between attempts (a test's shorter one).</param>
    internal MqttConnection(MqttConnectionOptions options, Action<string, NoteLevel> report, TimeProvider clock, ReconnectDelay delay)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _report = report ?? throw new ArgumentNullException(nameof(report));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _delay = delay ?? throw new ArgumentNullException(nameof(delay));
        _rivalry = new ClientIdRivalry(delay.Cap);
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
        _subscriptions.Add(topicFilter, handler);
        if (_client.IsConnected)
        {
            // Made now as well as after every reconnect; a failure here shows as a broken connection there.
            _ = SubscribeQuietlyAsync([topicFilter]);
        }
    }

    /// <summary>
    /// Ends the connection cleanly: sends what is queued while <paramref name="patience"/> lasts; gives
    /// the message then in flight a short patience of its own for its PUBACK; then, however the queue
    /// went, publishes <c>offline</c> (retained) on the status topic, since a clean disconnect does not
    /// fire the last will, and disconnects, again each with a short patience of its own. What the broker
    /// did not acknowledge is counted as unsent.
    /// </summary>
    public async Task CloseAsync(TimeSpan patience)
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        using (var deadline = new CancellationTokenSource(patience))
        {
            while (_outbox.Count > 0 && _client.IsConnected && !deadline.IsCancellationRequested)
            {
                await Task.Delay(20, CancellationToken.None).ConfigureAwait(false);
            }
        }

        // No further message is taken and no further attempt made; the one in flight may still finish.
        await _stopping.CancelAsync().ConfigureAwait(false);
        _abandon.CancelAfter(FarewellPatience);
        if (_running is not null)
        {
            await _running.ConfigureAwait(false);
        }

        Counters.CountUnsent(_outbox.Count);
        await SayOfflineAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync(TimeSpan.Zero).ConfigureAwait(false);
        _client.Dispose();
        _stopping.Dispose();
        _abandon.Dispose();
        _connection.Dispose();
        _outbox.Dispose();
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            _acknowledged = false;
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
                Lost(problem);
            }

            if (!stopping.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(_rivalry.Active ? _delay.Longest() : _delay.Next(), _clock, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>An attempt failed or a connection broke: told, unless it is one more turn of a rivalry for the client id, told once already.</summary>
    private void Lost(Exception problem)
    {
        if (!_acknowledged)
        {
            _rivalry.AttemptFailed();
        }
        else if (_rivalry.Active)
        {
            _rivalry.Lost(_clock.GetUtcNow());
            return;
        }
        else
        {
            _rivalry.Lost(_clock.GetUtcNow());
        }

        Tell(ConnectionProblem.Describe(problem, _options), NoteLevel.Error);
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
            _acknowledged = true;
            return;
        }

        Counters.CountAttempt();
        var result = await _client.ConnectAsync(_clientOptions, stopping).ConfigureAwait(false);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new BrokerRefusedException(result.ResultCode);
        }

        // The broker took han: from here a loss is a connection that ended, not an attempt that failed.
        _acknowledged = true;
        await _client.PublishAsync(ApplicationMessages.Status(StatusTopic, ClientOptions.Online), stopping).ConfigureAwait(false);
        if (_subscriptions.Filters() is { Length: > 0 } filters)
        {
            await SubscribeAsync(filters, stopping).ConfigureAwait(false);
        }

        Counters.CountConnection();
        _delay.Reset();
        ReportConnected();
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
            // The queue hands out what it holds without looking at the token: once han stops, nothing more is taken.
            stopping.ThrowIfCancellationRequested();
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
                // Not cancelled when han stops: the message in flight then still gets its PUBACK, and counts as published.
                result = await _client.PublishAsync(ApplicationMessages.From(message), _abandon.Token).ConfigureAwait(false);
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
                Tell($"the MQTT broker refused a message on {message.Topic} ({result.ReasonCode}{(result.ReasonString is { Length: > 0 } why ? $": {why}" : string.Empty)}); check that {(_options.Username is { } user ? $"user '{user}'" : "a client without mqtt.username")} may publish under {TopicPrefix}/ (the broker's ACL)", NoteLevel.Warning);
            }
        }
    }

    /// <summary>Tells the connection made; in a rivalry for the client id, which is told once, only after other trouble.</summary>
    private void ReportConnected()
    {
        bool told;
        lock (_problemGate)
        {
            told = _lastProblem is not null;
            _lastProblem = null;
        }

        if (_rivalry.Connected(_clock.GetUtcNow()))
        {
            _report($"MQTT: {ConnectionProblem.Rival(_options, _delay.Cap)}", NoteLevel.Warning);
        }
        else if (!_rivalry.Active || told)
        {
            var again = told || Counters.Connections > 1;
            _report($"MQTT: connected to {_options.Address} as {_options.ClientId} (MQTT {ConnectionProblem.Version(_options.Protocol)}{(_options.Tls is null ? string.Empty : ", TLS")}){(again ? $"; {_outbox.Count} queued messages follow" : string.Empty)}", NoteLevel.Information);
        }

        if (_rivalry.Active)
        {
            _ = WatchForCalmAsync(Counters.Connections, _connection.Token);
        }
    }

    /// <summary>Ends a rivalry for the client id once this connection has held long enough.</summary>
    private async Task WatchForCalmAsync(long connectionNumber, CancellationToken connection)
    {
        try
        {
            await Task.Delay(_rivalry.Calm, _clock, connection).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return; // lost before: the rivalry goes on
        }

        // Still this connection (a lost one whose signal came late is not calm), and han not stopping.
        if (!_stopping.IsCancellationRequested && _client.IsConnected && Counters.Connections == connectionNumber && _rivalry.Held())
        {
            _report($"MQTT: connected to {_options.Address} as {_options.ClientId} for {ConnectionProblem.Duration(_rivalry.Calm)} without being pushed off: the other client with this client id has gone; han reconnects at once again after a loss", NoteLevel.Information);
        }
    }

    /// <summary>
    /// Publishes <c>offline</c>, then disconnects, each within <see cref="FarewellPatience"/>. When the
    /// broker does not confirm <c>offline</c> in time, no DISCONNECT is sent: the connection then ends
    /// uncleanly as han is disposed, and the broker publishes the last will (<c>offline</c>) itself.
    /// </summary>
    private async Task SayOfflineAsync()
    {
        if (!_client.IsConnected)
        {
            return; // the broker lost han's connection before, and published the last will then
        }

        try
        {
            using var farewell = new CancellationTokenSource(FarewellPatience);
            await _client.PublishAsync(ApplicationMessages.Status(StatusTopic, ClientOptions.Offline), farewell.Token).ConfigureAwait(false);
        }
        catch (Exception problem) when (problem is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException)
        {
            _report($"MQTT: the broker at {_options.Address} did not confirm offline on {StatusTopic} within {FarewellPatience.TotalSeconds:0} s; it publishes the last will (offline) instead once the connection closes", NoteLevel.Warning);
            return;
        }

        try
        {
            using var farewell = new CancellationTokenSource(FarewellPatience);
            await _client.DisconnectAsync(new MqttClientDisconnectOptions(), farewell.Token).ConfigureAwait(false);
        }
        catch (Exception problem) when (problem is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException)
        {
            // offline is published and retained: an unclean end now only repeats it as the last will.
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
        foreach (var handler in _subscriptions.HandlersFor(message.Topic))
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

    private Task Disconnected(MqttClientDisconnectedEventArgs args)
    {
        if (args.Reason == MqttClientDisconnectReason.SessionTakenOver)
        {
            _rivalry.TakenOver();
        }

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
