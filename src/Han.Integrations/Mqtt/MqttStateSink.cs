using Han.Live;
using Han.Live.Fanout;

namespace Han.Integrations.Mqtt;

/// <summary>
/// The plain JSON output of one meter (issue 9, point 4): its merged state (<see cref="MeterStateDocument"/>)
/// retained on <c>&lt;prefix&gt;/&lt;meter&gt;/state</c> after every reading and every line status, and
/// <c>&lt;prefix&gt;/&lt;meter&gt;/availability</c>, retained: <c>online</c> while readings arrive,
/// <c>offline</c> when none came for <see cref="Silence"/> or the source is unavailable (told by the line
/// status the service sends every few seconds). Both go out again after a reconnect, for a broker that
/// lost what it kept.
/// </summary>
public sealed class MqttStateSink : IMeterSink
{
    /// <summary>No reading for this long and the meter is offline (Norwegian meters send every 2.5 or 10 s).</summary>
    public static readonly TimeSpan Silence = TimeSpan.FromSeconds(60);

    private readonly IMqttPublisher _mqtt;
    private readonly MeterStateDocument _document;
    private readonly object _gate = new();
    private byte[]? _lastState;
    private bool? _available;

    public MqttStateSink(string meter, IMqttPublisher mqtt)
    {
        ArgumentException.ThrowIfNullOrEmpty(meter);
        _mqtt = mqtt ?? throw new ArgumentNullException(nameof(mqtt));
        _document = new MeterStateDocument(meter);
        StateTopic = $"{mqtt.TopicPrefix}/{meter}/state";
        AvailabilityTopic = $"{mqtt.TopicPrefix}/{meter}/availability";
        _mqtt.Connected += Republish;
    }

    public string Name => $"mqtt {StateTopic}";

    public string StateTopic { get; }

    public string AvailabilityTopic { get; }

    /// <summary>The meter's merged reading now, null before the first (what the cost's projection takes its power from).</summary>
    public LiveReading? Latest
    {
        get
        {
            lock (_gate)
            {
                return _document.State;
            }
        }
    }

    public bool Accepts(MeterEvent item) => item is ReadingMade or LineStatus;

    public ValueTask WriteAsync(MeterEvent item, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            switch (item)
            {
                case ReadingMade made:
                    _document.Add(made.Reading);
                    PublishState();
                    SetAvailable(true);
                    break;
                case LineStatus line:
                    _document.Add(line);
                    PublishState();
                    var silent = line.LastReading is not { } last || line.At - last >= Silence;
                    SetAvailable(!silent && line.State is not ("unavailable" or "ended"));
                    break;
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Nothing to flush: the connection owns the queue and sends as soon as it can.</summary>
    public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        _mqtt.Connected -= Republish;
        return ValueTask.CompletedTask;
    }

    private void PublishState()
    {
        _lastState = _document.ToUtf8();
        _mqtt.Publish(new MqttOutgoing(StateTopic, _lastState, Retain: true));
    }

    private void SetAvailable(bool available)
    {
        if (_available != available)
        {
            _available = available;
            _mqtt.Publish(Availability(available));
        }
    }

    /// <summary>Publishes the last state and availability again (after a reconnect, or Home Assistant's birth message).</summary>
    public void Republish()
    {
        lock (_gate)
        {
            if (_lastState is { } state)
            {
                _mqtt.Publish(new MqttOutgoing(StateTopic, state, Retain: true));
            }

            if (_available is { } available)
            {
                _mqtt.Publish(Availability(available));
            }
        }
    }

    private MqttOutgoing Availability(bool available) =>
        MqttOutgoing.Text(AvailabilityTopic, available ? "online" : "offline", retain: true);
}
